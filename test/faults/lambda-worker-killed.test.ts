import { InvokeCommand } from '@aws-sdk/client-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf } from '../support/lambda-functions.js';

const napper = {
  'index.mjs':
    'export const handler = async (event) => { await new Promise((r) => setTimeout(r, event.ms ?? 0)); ' +
    'return process.pid; };',
};

describe('a Lambda worker killed from outside', () => {
  const ctx = useEmulator();
  const invoke = (ms: number) =>
    ctx.clients.lambda.send(
      new InvokeCommand({ FunctionName: 'napper', Payload: Buffer.from(JSON.stringify({ ms })) }),
    );

  beforeAll(async () => {
    await deployFunction(ctx.clients, await createLambdaRole(ctx.clients, 'napper-role'), 'napper', napper);
  });

  it('while idle: the next invocation gets a fresh worker', async () => {
    const pid = payloadOf(await invoke(0)) as number;
    process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await invoke(0);
    expect(next.FunctionError).toBeUndefined();
    expect(payloadOf(next)).not.toBe(pid);
  });

  it(
    'mid-invocation: that invocation fails as Lambda reports a dead runtime, ' + 'the emulator and the function go on',
    async () => {
      const pid = payloadOf(await invoke(0)) as number;
      const running = invoke(1500);
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.kill(pid, 'SIGKILL');
      const killed = await running;
      expect(killed.FunctionError).toBe('Unhandled');
      expect(payloadOf(killed)).toMatchObject({ errorType: expect.stringMatching(/^Runtime\./) });
      const next = await invoke(0);
      expect(next.FunctionError).toBeUndefined();
      expect(payloadOf(next)).not.toBe(pid);
    },
  );
});
