import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cliPath, serve } from '../support/processes.js';
import { send } from './support.js';

describe('the security options on the command line', () => {
  it('serve takes --allowed-hosts and --cors-allowed-origins as comma lists, as the container does', async () => {
    const server = await serve([
      '--host',
      '0.0.0.0',
      '--allowed-hosts',
      'idpool, *.dev.internal',
      '--cors-allowed-origins',
      'https://app.example.com,https://admin.example.com',
    ]);
    try {
      const port = Number(new URL(server.url).port);
      const health = (headers: Record<string, string>) => send({ port }, { path: '/_idpool/health', headers });
      expect((await health({ host: 'idpool:4566' })).status).toBe(200);
      expect((await health({ host: 'x.dev.internal' })).status).toBe(200);
      expect((await health({ host: `localhost:${port}` })).status).toBe(200);
      expect((await health({ host: 'rebind.evil.example' })).status).toBe(403);
      const allowed = await health({ host: 'idpool', origin: 'https://admin.example.com' });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
      expect((await health({ host: 'idpool', origin: 'https://evil.example' })).status).toBe(403);
    } finally {
      await server.stop();
    }
  });

  it('up shares the definition', () => {
    const help = execFileSync(process.execPath, [cliPath, 'up', '--help'], { encoding: 'utf8' });
    expect(help).toContain('--cors-allowed-origins');
    expect(help).toContain('--allowed-hosts');
  });
});
