import { Agent, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';

describe('stopping with a client polling on one keep-alive connection', () => {
  it('answers the request in flight with connection: close and stops at once, not at the forced close', async () => {
    const emulator = await startEmulator({ port: 0, logLevel: 'error' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const health = () =>
      new Promise<{ status: number; connection?: string }>((resolve, reject) => {
        const sent = request(`${emulator.url}/_idpool/health`, { agent }, (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }),
          );
        });
        sent.on('error', reject);
        sent.end();
      });
    try {
      expect((await health()).connection).toBe('keep-alive');
      // A request whose body is still coming when the stop begins: its connection is busy, not idle.
      const busy = new Promise<number>((resolve, reject) => {
        const sent = request(
          `${emulator.url}/`,
          { agent, method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'content-length': 2 } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        sent.on('error', reject);
        sent.write('{');
        setTimeout(() => sent.end('}'), 300);
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      const stopped = emulator.stop();
      expect(await busy).toBeGreaterThanOrEqual(400);
      await stopped;
      // The forced close comes after 10 s; a drained connection lets the stop end right after its last answer.
      expect(performance.now() - started).toBeLessThan(5000);
      await expect(health()).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });
});
