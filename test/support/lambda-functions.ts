import { CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type CreateFunctionCommandInput,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clients } from './emulator.js';

/** A .zip deployment package holding these files (path → source text). */
export function zipFunction(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
}

export const lambdaTrustPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** Creates an execution role Lambda may assume and returns its ARN. */
export async function createLambdaRole(
  clients: Clients,
  roleName: string,
  trustPolicy = lambdaTrustPolicy,
): Promise<string> {
  const created = await clients.iam.send(
    new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy }),
  );
  return created.Role?.Arn as string;
}

/** The SDK's waiters at a pace that suits the emulator's short transitions. */
const waiterPace = { minDelay: 0.02, maxDelay: 0.1, maxWaitTime: 30 };

/** Waits, as on Lambda, until a new function is no longer Pending. */
export async function waitActive(lambda: LambdaClient, name: string): Promise<void> {
  await waitUntilFunctionActiveV2({ client: lambda, ...waiterPace }, { FunctionName: name });
}

/** Waits, as on Lambda, until an update is no longer InProgress. */
export async function waitUpdated(lambda: LambdaClient, name: string): Promise<void> {
  await waitUntilFunctionUpdatedV2({ client: lambda, ...waiterPace }, { FunctionName: name });
}

/**
 * Creates a nodejs20.x function from source files, handler `index.handler` unless told otherwise, and waits until it
 * is Active; answers CreateFunction's answer.
 */
export async function deployFunction(
  clients: Clients,
  role: string,
  name: string,
  files: Record<string, string>,
  extra: Partial<CreateFunctionCommandInput> = {},
): Promise<FunctionConfiguration> {
  const created = await clients.lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: zipFunction(files) },
      ...extra,
    }),
  );
  await waitActive(clients.lambda, created.FunctionName ?? name);
  return created;
}

/** The JSON a function answered. */
export function payloadOf(output: { Payload?: Uint8Array }): unknown {
  return JSON.parse(Buffer.from(output.Payload ?? new Uint8Array()).toString('utf8'));
}

/** The log an Invoke with LogType Tail returned. */
export function logOf(output: { LogResult?: string }): string {
  return Buffer.from(output.LogResult ?? '', 'base64').toString('utf8');
}

/** A scratch folder functions may write to: when the tests run as root, functions run as `nobody`. */
export function scratchForFunctions(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}
