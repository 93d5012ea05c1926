import { InvokeCommand } from '@aws-sdk/client-lambda';
import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientsFor } from '../support/emulator.js';
import { createLambdaRole, deployFunction, payloadOf, scratchForFunctions } from '../support/lambda-functions.js';
import { serve } from '../support/processes.js';

// Each execution leaves a marker file as it starts, so the test knows all requests are in flight at the server
// (received and executing) before it sends SIGTERM, however slow the machine.
const slowHandler = `
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
export const handler = async (event, context) => {
  writeFileSync(join(process.env.MARKER_DIR, context.awsRequestId), '');
  await new Promise((r) => setTimeout(r, 1000));
  return 'done';
};`;

describe('SIGTERM while requests are in flight', () => {
  it('lets every request in flight finish, then stops cleanly with status 0', async () => {
    const markers = scratchForFunctions('idpool-sigterm-');
    const server = await serve(['--lambda-workers', '20']);
    try {
      const clients = clientsFor({ url: server.url, region: 'us-east-1' });
      await deployFunction(
        clients,
        await createLambdaRole(clients, 'slow-role'),
        'slow',
        { 'index.mjs': slowHandler },
        { Timeout: 30, Environment: { Variables: { MARKER_DIR: markers } } },
      );
      const inFlight = Array.from({ length: 20 }, () =>
        clients.lambda.send(new InvokeCommand({ FunctionName: 'slow' })),
      );
      while (readdirSync(markers).length < 20) await new Promise((resolve) => setTimeout(resolve, 20));
      const exited = server.stop();
      const answers = await Promise.allSettled(inFlight);
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill('fulfilled'));
      for (const answer of answers)
        expect(payloadOf((answer as PromiseFulfilledResult<{ Payload?: Uint8Array }>).value)).toBe('done');
      expect(await exited).toBe(0);
      await expect(fetch(`${server.url}/_idpool/health`)).rejects.toThrow();
    } finally {
      await server.stop();
      rmSync(markers, { recursive: true, force: true });
    }
  }, 60_000);
});
