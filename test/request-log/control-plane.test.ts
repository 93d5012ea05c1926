import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { requestLog, seedFlow, type SeededFlow } from './seed.js';

// Control-plane calls made with issued credentials are authorized, and the request log names each decision.
describe('the request log, for control-plane calls with issued credentials', () => {
  let emulator: RunningEmulator;
  let flow: SeededFlow;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'error' });
    flow = await seedFlow(emulator);
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("records the client's refused iam:CreateRole as an implicit deny naming the action and resource", async () => {
    const iam = new IAMClient({
      endpoint: emulator.url,
      region: emulator.region,
      credentials: flow.keys,
      maxAttempts: 1,
    });
    const refused = await iam
      .send(
        new CreateRoleCommand({
          RoleName: 'escalate',
          AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
        }),
      )
      .then(
        () => undefined,
        (error: { name: string; $metadata: { httpStatusCode?: number } }) => error,
      );
    expect([refused?.name, refused?.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    const [entry] = await requestLog(emulator, '?service=iam&decision=denied&limit=1');
    expect(entry).toMatchObject({
      operation: 'CreateRole',
      status: 403,
      errorCode: 'AccessDenied',
      decision: 'implicit-deny',
      actions: ['iam:CreateRole'],
      resource: `arn:aws:iam::${emulator.accountId}:role/escalate`,
    });
  });
});
