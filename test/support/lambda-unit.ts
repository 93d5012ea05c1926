import { zipSync } from 'fflate';
import { resolveConfig } from '../../emulator/config.js';
import { createFunction } from '../../emulator/services/lambda/create-function.js';
import type {
  InvokePermissionRequest,
  LambdaInvocation,
  LambdaInvocationResult,
  LambdaWorkers,
} from '../../emulator/services/lambda/lambda-invoker.js';
import { Database } from '../../emulator/store/database.js';
import { callContext } from './call-context.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import type { FunctionKey } from '../../emulator/store/lambda-store.js';
import { LambdaStore } from '../../emulator/store/lambda-store.js';

export const accountId = '000000000000';
export const roleArn = `arn:aws:iam::${accountId}:role/lambda-role`;

/** The Lambda runtime as Lambda's operations see it: records what they ask, runs nothing. */
class FakeLambdaWorkers implements LambdaWorkers {
  readonly invocations: { accountId: string; region: string; invocation: LambdaInvocation }[] = [];
  readonly changed: FunctionKey[] = [];

  async invoke(accountId: string, region: string, invocation: LambdaInvocation): Promise<LambdaInvocationResult> {
    this.invocations.push({ accountId, region, invocation });
    return {
      statusCode: 200,
      payload: Buffer.from('"ok"'),
      executedVersion: '$LATEST',
      requestId: invocation.requestId,
    };
  }

  permitsInvoke(_accountId: string, _region: string, _request: InvokePermissionRequest): boolean {
    return false;
  }

  functionChanged(key: FunctionKey): void {
    this.changed.push({ accountId: key.accountId, region: key.region, name: key.name });
  }
}

/** A deployment package of one handler file. */
export function handlerZip(source = 'export const handler = async () => "ok";'): Uint8Array {
  return zipSync({ 'index.mjs': Buffer.from(source) });
}

/**
 * The services Lambda's operations name, on one in-memory database: the real Lambda and IAM stores (with one
 * execution role that trusts Lambda), a fake runtime, and state transitions of `transitionMs` (none by default).
 */
export function lambdaServices(transitionMs = 0) {
  const db = Database.open();
  const lambdaStore = new LambdaStore(db);
  const iam = new IamStore(db);
  iam.insertRole({
    accountId,
    roleName: 'lambda-role',
    roleId: 'AROALAMBDAROLEXXXXXXX',
    arn: roleArn,
    path: '/',
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
    maxSessionDuration: 3600,
    tags: [],
    createdAt: 0,
  });
  const config = resolveConfig({ lambdaStateTransitionMs: transitionMs });
  return { db, lambdaStore, iam, config, lambda: new FakeLambdaWorkers() };
}

/** The services of `lambdaServices`, with the function `fn` (nodejs20.x, `index.handler`) created on them. */
export function lambdaServicesWithFunction(transitionMs = 0) {
  const services = lambdaServices(transitionMs);
  createFunction.build(services)(
    {
      FunctionName: 'fn',
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: roleArn,
      Code: { ZipFile: handlerZip() },
    },
    callContext(),
  );
  return services;
}
