import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiBuilder } from '../apigateway/api-builder.js';
import { clientsFor } from '../support/emulator.js';
import { executeApiHost, sendRaw, type RawResponse } from '../support/execute-api.js';
import { healthWhile, serveIsolated } from './sandbox-support.js';
import { boundUnderLoad } from '../support/timing.js';

// Issue 8: the wildcard matcher compiled `*` to `.*`, and `^.*\/.*\/.*\/admin$` backtracks cubically: a path of
// 6,000 slashes froze every client for over 30 s. The server runs in its own process so that a frozen one fails
// the test by its timeouts instead of hanging it.
describe('IAM wildcard matching in linear time', () => {
  let server: Awaited<ReturnType<typeof serveIsolated>>;
  let host: string;
  let port: number;

  beforeAll(async () => {
    server = await serveIsolated();
    port = Number(new URL(server.url).port);
    const clients = clientsFor({ url: server.url, region: 'us-east-1' });
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:*' },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: 'arn:aws:execute-api:*:*:*/*/*/admin',
        },
      ],
    };
    const api = await ApiBuilder.create(clients.apiGateway, 'slashes', policy);
    await api.mock('ANY', '/{proxy+}', 'NONE');
    await api.deploy('dev');
    host = executeApiHost({ port }, api.apiId);
  }, 60_000);

  afterAll(() => server?.kill());

  const get = (path: string, timeoutMs = 10_000): Promise<RawResponse> =>
    Promise.race([
      sendRaw({ host: '127.0.0.1', port }, { host, path }),
      new Promise<RawResponse>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);

  it('still applies the Deny', async () => {
    const denied = await get('/dev/files/admin');
    expect(denied.status).toBe(403);
    expect(denied.body).toContain('with an explicit deny');
    expect((await get('/dev/files/public')).status).toBe(200);
  });

  it('answers a path of 10,000 slashes in milliseconds, not tens of seconds, ' +
    'while /_idpool/health stays responsive', async () => {
    for (const path of [`/dev/${'/'.repeat(10_000)}x`, `/dev/${'a/'.repeat(7000)}b`]) {
      const started = performance.now();
      const { maxMs, result } = await healthWhile(server.url, get(path), { minMs: 200, timeoutMs: 3000 });
      const elapsed = performance.now() - started;
      expect(result.status).toBe('fulfilled');
      expect((result as PromiseFulfilledResult<RawResponse>).value.status).not.toBe(500);
      // The backtracking matcher this replaced froze everything for over 30 s on 6,000 slashes (issue 8); linear
      // matching answers in milliseconds.
      expect(elapsed).toBeLessThan(boundUnderLoad(1000));
      expect(maxMs).toBeLessThan(boundUnderLoad(500));
    }
  }, 30_000);
});
