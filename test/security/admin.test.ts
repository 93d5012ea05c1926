import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { createDeveloperPool } from '../cognito-identity/flow-support.js';
import { idpoolClock } from '../../src/targets/clock-control.js';
import { clientsFor, useEmulator } from '../support/emulator.js';
import { cliPath } from '../support/processes.js';
import { json, send, signed } from './support.js';

const jsonType = { 'content-type': 'application/json' };
const run = promisify(execFile);

describe('admin routes and browsers', () => {
  const ctx = useEmulator({ logLevel: 'error' });

  async function poolCount(): Promise<number> {
    return (
      (await ctx.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools?.length ?? 0
    );
  }

  it('take only application/json bodies: a text/plain POST (no preflight) is 415 and changes nothing', async () => {
    await createDeveloperPool(ctx.clients);
    const before = await poolCount();
    for (const [path, body] of [
      ['reset', '{}'],
      ['clock', '{"advanceSeconds":99999}'],
      ['state', '{"format":"idpool-state","formatVersion":1,"tables":{}}'],
    ]) {
      for (const type of [
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const answer = await send(ctx.emulator, {
          method: 'POST',
          path: `/_idpool/${path}`,
          headers: { 'content-type': type },
          body,
        });
        expect(answer.status, `${path} ${type}`).toBe(415);
        expect(answer.headers['x-amzn-errortype']).toBe('UnsupportedMediaTypeException');
      }
      const untyped = await send(ctx.emulator, { method: 'POST', path: `/_idpool/${path}`, body });
      expect(untyped.status, `${path} without a content type`).toBe(415);
    }
    expect(await poolCount()).toBe(before);
    expect(json(await send(ctx.emulator, { path: '/_idpool/clock' })).offsetSeconds).toBe(0);
    // A bodiless POST (curl -X POST …/reset) needs no content type.
    expect((await send(ctx.emulator, { method: 'POST', path: '/_idpool/reset' })).status).toBe(200);
  });

  it('answer no CORS to a foreign origin, whatever the route', async () => {
    for (const path of ['/_idpool/health', '/_idpool/state', '/_idpool/clock']) {
      const answer = await send(ctx.emulator, { path, headers: { origin: 'https://evil.example' } });
      expect(answer.status, path).toBe(403);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    }
    const preflight = await send(ctx.emulator, {
      method: 'OPTIONS',
      path: '/_idpool/state',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('refuse the secrets and the import to any web page, even an allowed origin', async () => {
    const origin = { origin: 'http://localhost:3000' };
    const plain = await send(ctx.emulator, { path: '/_idpool/state', headers: origin });
    expect(plain.status).toBe(200);
    expect(plain.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    const secrets = await send(ctx.emulator, { path: '/_idpool/state?secrets=true', headers: origin });
    expect(secrets.status).toBe(403);
    expect(secrets.body).not.toContain('private_jwk');
    const referred = await send(ctx.emulator, {
      path: '/_idpool/state?secrets=true',
      headers: { referer: 'http://localhost:3000/admin.html' },
    });
    expect(referred.status).toBe(403);
    const exported = json(await send(ctx.emulator, { path: '/_idpool/state?secrets=true' }));
    expect(Object.keys(exported.tables as object)).toContain('signing_keys');
    const imported = await send(ctx.emulator, {
      method: 'POST',
      path: '/_idpool/state',
      headers: { ...jsonType, ...origin },
      body: JSON.stringify(exported),
    });
    expect(imported.status).toBe(403);
    expect(json(imported).message).toContain('idpool state export|import');
    expect(
      (
        await send(ctx.emulator, {
          method: 'POST',
          path: '/_idpool/state',
          headers: jsonType,
          body: JSON.stringify(exported),
        })
      ).status,
    ).toBe(200);
  });

  it('bound the clock: a huge or far offset is 400 and leaves the clock working', async () => {
    for (const body of ['{"advanceSeconds": 1e20}', '{"offsetSeconds": -1e12}', '{"advanceSeconds": 1e308}']) {
      const answer = await send(ctx.emulator, { method: 'POST', path: '/_idpool/clock', headers: jsonType, body });
      expect(answer.status, body).toBe(400);
      expect(answer.headers['x-amzn-errortype']).toBe('BadRequestException');
    }
    const moved = await send(ctx.emulator, {
      method: 'POST',
      path: '/_idpool/clock',
      headers: jsonType,
      body: '{"advanceSeconds": 3600}',
    });
    expect(json(moved).offsetSeconds).toBe(3600);
    const clock = json(await send(ctx.emulator, { path: '/_idpool/clock' }));
    expect(Math.abs(Date.parse(clock.now as string) - Date.now() - 3_600_000)).toBeLessThan(60_000);
    await send(ctx.emulator, {
      method: 'POST',
      path: '/_idpool/clock',
      headers: jsonType,
      body: '{"offsetSeconds": 0}',
    });
    expect(
      (await ctx.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).$metadata.httpStatusCode,
    ).toBe(200);
  });
});

describe('admin routes with --strict-auth', () => {
  let emulator: RunningEmulator;
  const keys = { accessKeyId: 'AKIDROOTEXAMPLE1', secretAccessKey: 'root-secret' };
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'error', strictAuth: true, rootCredentials: keys });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('need a SigV4 signature by the root keys on every route but health', async () => {
    expect((await send(emulator, { path: '/_idpool/health' })).status).toBe(200);
    await createDeveloperPool(clientsFor(emulator, keys));
    for (const raw of [
      { path: '/_idpool/state?secrets=true' },
      { path: '/_idpool/clock' },
      { method: 'POST', path: '/_idpool/reset' },
      { method: 'POST', path: '/_idpool/clock', headers: jsonType, body: '{"advanceSeconds": 10}' },
    ]) {
      const unsigned = await send(emulator, raw);
      expect(unsigned.status, raw.path).toBe(403);
      expect(unsigned.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      const forged = await send(
        emulator,
        signed(emulator, 'idpool', raw, { accessKeyId: keys.accessKeyId, secretAccessKey: 'guess' }),
      );
      expect(forged.status, raw.path).toBe(403);
      expect(forged.headers['x-amzn-errortype']).toBe('InvalidSignatureException');
      const stranger = await send(
        emulator,
        signed(emulator, 'idpool', raw, { accessKeyId: 'test', secretAccessKey: 'test' }),
      );
      expect(stranger.status, raw.path).toBe(403);
    }
    expect(
      (await clientsFor(emulator, keys).cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).IdentityPools,
    ).toHaveLength(1);
    const secrets = await send(emulator, signed(emulator, 'idpool', { path: '/_idpool/state?secrets=true' }, keys));
    expect(secrets.status).toBe(200);
    expect(Object.keys(json(secrets).tables as object)).toContain('signing_keys');
    const reset = await send(emulator, signed(emulator, 'idpool', { method: 'POST', path: '/_idpool/reset' }, keys));
    expect(reset.status).toBe(200);
  });

  it('are signed by the runner’s clock and by `idpool state … --endpoint` with the root keys', async () => {
    const clock = await idpoolClock(emulator.url, keys);
    await clock.advance(120);
    expect(clock.offsetMs).toBe(120_000);
    await clock.restore();
    await expect(idpoolClock(emulator.url)).rejects.toThrow(/answered 403/);

    const dir = mkdtempSync(join(tmpdir(), 'idpool-admin-'));
    try {
      const file = join(dir, 'state.json');
      const env = { ...process.env, AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey };
      // The emulator runs in this process: the CLI must not block its event loop.
      await run(process.execPath, [cliPath, 'state', 'export', file, '--endpoint', emulator.url, '--include-secrets'], {
        env,
      });
      expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { tables: object }).tables)).toContain(
        'signing_keys',
      );
      const imported = (
        await run(process.execPath, [cliPath, 'state', 'import', file, '--endpoint', emulator.url], { env })
      ).stdout;
      expect(imported).toMatch(/^imported \d+ rows/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
