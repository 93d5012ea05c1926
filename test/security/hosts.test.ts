import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { ApiBuilder } from '../apigateway/api-builder.js';
import { createDeveloperPool } from '../cognito-identity/flow-support.js';
import { clientsFor, useEmulator } from '../support/emulator.js';
import { json, send } from './support.js';

/** Two Host lines, which Node's client refuses to send. */
function rawTwoHosts(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /_idpool/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: rebind.evil.example\r\n` +
          'Connection: close\r\n\r\n',
      );
    });
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('Host checks while listening on loopback (DNS rebinding)', () => {
  const ctx = useEmulator({ logLevel: 'error' });

  it('refuses a foreign Host with an AWS-shaped 403 naming --allowed-hosts, before anything runs', async () => {
    const pool = await createDeveloperPool(ctx.clients);
    const reset = await send(ctx.emulator, {
      method: 'POST',
      path: '/_idpool/reset',
      headers: { host: 'rebind.evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reset.status).toBe(403);
    expect(reset.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(json(reset).message).toContain('--allowed-hosts');
    expect(json(reset).message).toContain('rebind.evil.example');
    const pools = await ctx.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(pools.IdentityPools?.map((entry) => entry.IdentityPoolId)).toContain(pool.poolId);

    const state = await send(ctx.emulator, {
      path: '/_idpool/state?secrets=true',
      headers: { host: `rebind.evil.example:${ctx.emulator.port}` },
    });
    expect(state.status).toBe(403);
    expect(state.body).not.toContain('private');
  });

  it('answers loopback names and addresses, *.localhost and execute-api hosts, whatever their case', async () => {
    const port = ctx.emulator.port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      'LOCALHOST',
      `[::1]:${port}`,
      `app.localhost:${port}`,
      '127.1.2.3',
      `abc123.execute-api.example.com:${port}`,
      'localhost.',
    ]) {
      const answer = await send(ctx.emulator, { path: '/_idpool/health', headers: { host } });
      expect(answer.status, host).toBe(200);
    }
    for (const host of [
      'evil.example',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      '10.0.0.5',
      `[::2]:${port}`,
    ]) {
      const answer = await send(ctx.emulator, { path: '/_idpool/health', headers: { host } });
      expect(answer.status, host).toBe(403);
    }
  });

  it('routes an upper-case EXECUTE-API host like the lower-case one', async () => {
    const api = await ApiBuilder.create(ctx.clients.apiGateway, 'case-api');
    await api.mock('GET', '/hello', 'NONE');
    await api.deploy('dev');
    for (const host of [
      `${api.apiId}.execute-api.localhost:${ctx.emulator.port}`,
      `${api.apiId.toUpperCase()}.EXECUTE-API.LOCALHOST:${ctx.emulator.port}`,
    ]) {
      const answer = await send(ctx.emulator, { path: '/dev/hello', headers: { host } });
      expect(answer.status, host).toBe(200);
      expect(json(answer)).toEqual({ route: 'GET /hello' });
    }
  });

  it('refuses a request with two Host headers', async () => {
    const answer = await rawTwoHosts(ctx.emulator.port);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });
});

describe('--allowed-hosts', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  it('answers the names it lists (a compose service name), and wildcards of a domain', async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'error', allowedHosts: ['idpool', '*.dev.internal'] });
    for (const [host, status] of [
      ['idpool:4566', 200],
      ['IDPOOL', 200],
      ['api.dev.internal', 200],
      ['dev.internal', 403],
      ['idpool2', 403],
    ] as const) {
      expect((await send(emulator, { path: '/_idpool/health', headers: { host } })).status, host).toBe(status);
    }
  });

  it('checks no Host when listening beyond loopback unless --allowed-hosts names some', async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'error', host: '0.0.0.0' });
    expect((await send(emulator, { path: '/_idpool/health', headers: { host: 'anything.example' } })).status).toBe(200);
    await emulator.stop();
    emulator = await startEmulator({ port: 0, logLevel: 'error', host: '0.0.0.0', allowedHosts: ['idpool'] });
    expect((await send(emulator, { path: '/_idpool/health', headers: { host: 'idpool:4566' } })).status).toBe(200);
    expect((await send(emulator, { path: '/_idpool/health', headers: { host: 'localhost:4577' } })).status).toBe(200);
    expect((await send(emulator, { path: '/_idpool/health', headers: { host: 'anything.example' } })).status).toBe(403);
    // SDK clients still reach it by its loopback URL.
    expect(
      (await clientsFor(emulator).cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).IdentityPools,
    ).toEqual([]);
  });

  it('refuses a host list entry with a port at start', async () => {
    await expect(startEmulator({ port: 0, allowedHosts: ['idpool:4566'] })).rejects.toThrow(/--allowed-hosts/);
  });
});
