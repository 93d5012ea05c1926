import { InvokeCommand } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { clientsFor } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf } from '../support/lambda-functions.js';
import { serve } from '../support/processes.js';

describe('SIGTERM while requests are in flight', () => {
  it('lets every request in flight finish, then stops cleanly with status 0', async () => {
    const server = await serve();
    const clients = clientsFor({ url: server.url, region: 'us-east-1' });
    await deployFunction(clients, await createLambdaRole(clients, 'slow-role'), 'slow', {
      'index.mjs': 'export const handler = async () => { await new Promise((r) => setTimeout(r, 300)); return "done"; };',
    });
    const inFlight = Array.from({ length: 20 }, () => clients.lambda.send(new InvokeCommand({ FunctionName: 'slow' })));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const exited = server.stop();
    const answers = await Promise.allSettled(inFlight);
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill('fulfilled'));
    for (const answer of answers) expect(payloadOf((answer as PromiseFulfilledResult<{ Payload?: Uint8Array }>).value)).toBe('done');
    expect(await exited).toBe(0);
    await expect(fetch(`${server.url}/_idpool/health`)).rejects.toThrow();
  }, 30_000);
});
