import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../emulator/config.js';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { awsError, clientsFor, rootCredentials, useEmulator } from '../support/emulator.js';
import { createLambdaRole, lambdaTrustPolicy, zipFunction } from '../support/lambda-functions.js';

const source = { 'index.mjs': 'export const handler = async () => "hello";' };

function create(lambda: LambdaClient, name: string, role: string) {
  return lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: role,
      Handler: 'index.handler',
      Code: { ZipFile: zipFunction(source) },
    }),
  );
}

describe('Lambda function states with the default transition', () => {
  const ctx = useEmulator();
  let role: string;

  beforeAll(async () => {
    role = await createLambdaRole(ctx.clients, 'states-role');
  });

  it('is Pending, then Active once the SDK waiter (function-active-v2) sees it, with a new RevisionId', async () => {
    const lambda = ctx.clients.lambda;
    const created = await create(lambda, 'awaited', role);
    expect(created).toMatchObject({
      State: 'Pending',
      StateReason: 'The function is being created.',
      StateReasonCode: 'Creating',
    });
    const started = Date.now();
    const waited = await waitUntilFunctionActiveV2(
      { client: lambda, minDelay: 0.05, maxDelay: 0.5, maxWaitTime: 30 },
      { FunctionName: 'awaited' },
    );
    expect(waited.state).toBe('SUCCESS');
    expect(Date.now() - started).toBeLessThan(5000);
    const active = await lambda.send(new GetFunctionCommand({ FunctionName: 'awaited' }));
    expect(active.Configuration).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' });
    expect(active.Configuration?.RevisionId).not.toBe(created.RevisionId);

    const updated = await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'awaited', Description: 'new' }),
    );
    expect(updated).toMatchObject({
      State: 'Active',
      LastUpdateStatus: 'InProgress',
      LastUpdateStatusReasonCode: 'Creating',
    });
    const done = await waitUntilFunctionUpdatedV2(
      { client: lambda, minDelay: 0.05, maxDelay: 0.5, maxWaitTime: 30 },
      { FunctionName: 'awaited' },
    );
    expect(done.state).toBe('SUCCESS');
    const after = await lambda.send(new GetFunctionCommand({ FunctionName: 'awaited' }));
    expect(after.Configuration?.LastUpdateStatus).toBe('Successful');
    expect(after.Configuration?.RevisionId).not.toBe(updated.RevisionId);
  });

  it('defaults to a 100 ms transition', () => {
    expect(resolveConfig({}).lambdaStateTransitionMs).toBe(100);
    expect(() => resolveConfig({ lambdaStateTransitionMs: -1 })).toThrow(/non-negative integer/);
  });
});

describe('Lambda refuses what waits for a transition, as AWS does', () => {
  let emulator: RunningEmulator;
  let lambda: LambdaClient;
  let role: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'warn', lambdaStateTransitionMs: 60_000 });
    const clients = clientsFor(emulator);
    lambda = clients.lambda;
    role = await createLambdaRole(clients, 'slow-role');
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  const advance = (seconds: number) =>
    fetch(`${emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: seconds }),
    });

  it('does not invoke a Pending function, nor update it, until it is Active', async () => {
    await create(lambda, 'pending', role);
    const invoked = await awsError(lambda.send(new InvokeCommand({ FunctionName: 'pending' })));
    expect(invoked.name).toBe('ResourceConflictException');
    expect(invoked.$metadata.httpStatusCode).toBe(409);
    expect(invoked.message).toBe(
      'The operation cannot be performed at this time. The function is currently in the following state: Pending',
    );
    const updated = await awsError(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'pending', Timeout: 9 })),
    );
    expect(updated.name).toBe('ResourceConflictException');
    expect(updated.message).toContain("is currently in the following state: 'Pending'. StateReasonCode: 'Creating'");
    await advance(61);
    const ran = await lambda.send(new InvokeCommand({ FunctionName: 'pending' }));
    expect(ran.StatusCode).toBe(200);
  });

  it('refuses a second update and a PublishVersion while an update is in progress; invokes meanwhile', async () => {
    await create(lambda, 'busy', role);
    await advance(61);
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'busy', Timeout: 9 }));
    const arn = `arn:aws:lambda:${emulator.region}:${emulator.accountId}:function:busy`;
    const again = await awsError(
      lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'busy', Timeout: 10 })),
    );
    expect(again.name).toBe('ResourceConflictException');
    expect(again.message).toBe(
      `The operation cannot be performed at this time. An update is in progress for resource: ${arn}`,
    );
    const publish = await awsError(lambda.send(new PublishVersionCommand({ FunctionName: 'busy' })));
    expect(publish.name).toBe('ResourceConflictException');
    expect((await lambda.send(new InvokeCommand({ FunctionName: 'busy' }))).StatusCode).toBe(200);
    await advance(61);
    expect((await lambda.send(new PublishVersionCommand({ FunctionName: 'busy' }))).Version).toBe('1');
  });
});

describe('Lambda with lambdaStateTransitionMs 0', () => {
  const ctx = useEmulator({ lambdaStateTransitionMs: 0 });

  it("says Pending in CreateFunction's answer only: the function runs at once", async () => {
    const role = await createLambdaRole(ctx.clients, 'instant-role');
    const created = await create(ctx.clients.lambda, 'instant', role);
    expect(created.State).toBe('Pending');
    expect((await ctx.clients.lambda.send(new InvokeCommand({ FunctionName: 'instant' }))).StatusCode).toBe(200);
  });
});

describe('ARN partitions follow the region', () => {
  for (const [region, partition] of [
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
  ] as const) {
    it(`names ${region}'s resources in ${partition}`, async () => {
      const emulator = await startEmulator({ port: 0, logLevel: 'warn', region, lambdaStateTransitionMs: 0 });
      try {
        const config = { endpoint: emulator.url, region, credentials: rootCredentials, maxAttempts: 1 };
        const iam = new IAMClient(config);
        const role = await iam.send(
          new CreateRoleCommand({ RoleName: 'partitioned', AssumeRolePolicyDocument: lambdaTrustPolicy }),
        );
        expect(role.Role?.Arn).toBe(`arn:${partition}:iam::${emulator.accountId}:role/partitioned`);
        const lambda = new LambdaClient(config);
        const created = await create(lambda, 'partitioned', role.Role?.Arn as string);
        expect(created.FunctionArn).toBe(
          `arn:${partition}:lambda:${region}:${emulator.accountId}:function:partitioned`,
        );
        expect(created.RuntimeVersionConfig?.RuntimeVersionArn).toMatch(
          new RegExp(`^arn:${partition}:lambda:${region}::runtime:`),
        );
        const caller = await new STSClient(config).send(new GetCallerIdentityCommand({}));
        expect(caller.Arn).toBe(`arn:${partition}:iam::${emulator.accountId}:root`);
      } finally {
        await emulator.stop();
      }
    });
  }
});
