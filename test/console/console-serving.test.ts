import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../emulator/admin/console/static-files.js';
import { startEmulator, type RunningEmulator } from '../../emulator/testing.js';
import { packageRoot } from '../../emulator/package-root.js';
import { clientsFor } from '../support/emulator.js';
import { send, signed } from '../security/support.js';

const csp =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
  "frame-ancestors 'none'";

function subscriberCount(emulator: RunningEmulator): number {
  return (emulator.runtime.requests as unknown as { subscribers: Map<unknown, unknown> }).subscribers.size;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens the event stream; resolves once the head arrived, collecting what comes. */
function openStream(
  emulator: RunningEmulator,
): Promise<{ response: IncomingMessage; text: () => string; close(): void }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port: emulator.port, path: '/_idpool/console/api/requests/stream' },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('error', () => {});
        resolve({ response, text: () => text, close: () => outgoing.destroy() });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the console is served like the other admin routes', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'error' });
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('index.html for the console and its client-side routes, or a clear 503 when it was not built', async () => {
    const built = existsSync(join(packageRoot, 'dist', 'console', 'index.html'));
    for (const path of ['/_idpool/console', '/_idpool/console/', '/_idpool/console/pools/us-east-1:x']) {
      const answer = await send(emulator, { path });
      expect(answer.headers['content-security-policy'], path).toBe(csp);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      if (built) {
        expect(answer.status).toBe(200);
        expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(answer.headers['cache-control']).toBe('no-cache');
      } else {
        expect(answer.status).toBe(503);
        expect(JSON.parse(answer.body)).toEqual({ message: 'the console was not built: run npm run build' });
      }
    }
    expect((await send(emulator, { path: '/_idpool/console/assets/nothing.js' })).status).toBe(404);
  });

  it('never reads outside dist/console, however the path is written', async () => {
    for (const path of [
      '/_idpool/console/../../package.json',
      '/_idpool/console/assets/../../../package.json',
      '/_idpool/console/%2e%2e/%2e%2e/package.json',
      '/_idpool/console/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
      '/_idpool/console/..%5c..%5cpackage.json',
      '/_idpool/console/assets/%00',
    ]) {
      const answer = await send(emulator, { path });
      expect(answer.body, path).not.toContain('"name": "idpool"');
      expect(answer.status, path).not.toBe(500);
    }
  });

  it('serves the built files with their content types, and index.html for unknown pages', async () => {
    const root = mkdtempSync(join(tmpdir(), 'idpool-console-'));
    try {
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>idpool</title>');
      writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
      writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
      writeFileSync(join(root, '..', `${root.split('/').pop()}-secret.txt`), 'outside');
      const script = await serveStatic('assets/app-1234.js', root);
      expect(script.status).toBe(200);
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(script.headers['cache-control']).toContain('immutable');
      expect((await serveStatic('assets/app-1234.css', root)).headers['content-type']).toBe('text/css; charset=utf-8');
      const page = await serveStatic('identities/us-east-1:abc', root);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(String(page.body)).toContain('<title>idpool</title>');
      const outside = await serveStatic(`../${root.split('/').pop()}-secret.txt`, root);
      expect(String(outside.body)).not.toContain('outside');
      expect(outside.status).toBe(404);
      const encoded = await serveStatic(`%2e%2e/${root.split('/').pop()}-secret.txt`, root);
      expect(String(encoded.body)).not.toContain('outside');
      const empty = mkdtempSync(join(tmpdir(), 'idpool-console-empty-'));
      expect((await serveStatic('', empty)).status).toBe(503);
      rmSync(empty, { recursive: true });
    } finally {
      rmSync(`${root}-secret.txt`, { force: true });
      rmSync(root, { recursive: true });
    }
  });

  it('refuses web pages of other origins and other Host names, as every admin route', async () => {
    const foreign = await send(emulator, {
      path: '/_idpool/console/api/overview',
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const referred = await send(emulator, {
      path: '/_idpool/console/',
      headers: { referer: 'https://evil.example/page' },
    });
    expect(referred.status).toBe(403);
    const rebound = await send(emulator, { path: '/_idpool/console/api/overview', headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(403);
    const local = await send(emulator, {
      path: '/_idpool/console/api/overview',
      headers: { origin: `http://127.0.0.1:${emulator.port}` },
    });
    expect(local.status).toBe(200);
    const post = await send(emulator, {
      method: 'POST',
      path: '/_idpool/console/api/runs',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(post.status).toBe(415);
  });

  it('streams each new request as a server-sent event, and lets go of a client that leaves', async () => {
    const stream = await openStream(emulator);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await until(() => subscriberCount(emulator) === 1, 'the subscription');
    const clients = clientsFor(emulator);
    await clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }));
    await until(() => stream.text().includes('event: request'), 'the event');
    const event = stream
      .text()
      .split('\n\n')
      .find((block) => block.startsWith('event: request')) as string;
    const summary = JSON.parse(event.split('\n')[1]?.slice('data: '.length) as string);
    expect(summary).toMatchObject({ operation: 'ListIdentityPools', service: 'cognito-identity', status: 200 });
    stream.close();
    await until(() => subscriberCount(emulator) === 0, 'the subscription to end');
    // The server goes on answering, the other subscribers unaffected.
    expect((await clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).$metadata.httpStatusCode).toBe(
      200,
    );
  });

  it('a client that reads nothing is dropped once it falls far behind, never stalling the server', async () => {
    const stalled = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: '127.0.0.1', port: emulator.port, path: '/_idpool/console/api/requests/stream' },
        (response) => {
          response.pause();
          resolve(response);
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
    await until(() => subscriberCount(emulator) === 1, 'the subscription');
    const started = Date.now();
    const clients = clientsFor(emulator);
    // Long request paths make big events: a few thousand fill the socket buffers, then the backlog bound.
    const longPath = `/_idpool-not-admin/${'x'.repeat(6000)}`;
    for (let round = 0; round < 40 && subscriberCount(emulator) > 0; round++) {
      await Promise.all(Array.from({ length: 25 }, () => fetch(`${emulator.url}${longPath}`).then((r) => r.text())));
    }
    expect(subscriberCount(emulator)).toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    stalled.destroy();
    expect((await clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 5 }))).$metadata.httpStatusCode).toBe(
      200,
    );
  }, 60_000);

  it('stopping the emulator ends open streams at once', async () => {
    const other = await startEmulator({ port: 0, logLevel: 'error' });
    const stream = await openStream(other);
    await until(() => subscriberCount(other) === 1, 'the subscription');
    const ended = new Promise<void>((resolve) => stream.response.on('close', () => resolve()));
    const started = Date.now();
    await other.stop();
    await ended;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('the console with --strict-auth and with --no-admin', () => {
  const keys = { accessKeyId: 'AKIDROOTEXAMPLE1', secretAccessKey: 'root-secret' };
  let strict: RunningEmulator;
  let noAdmin: RunningEmulator;
  beforeAll(async () => {
    strict = await startEmulator({ port: 0, logLevel: 'error', strictAuth: true, rootCredentials: keys });
    noAdmin = await startEmulator({ port: 0, logLevel: 'error', adminRoutes: false });
  });
  afterAll(async () => {
    await strict?.stop();
    await noAdmin?.stop();
  });

  it('--strict-auth: a signature by the root keys, service idpool', async () => {
    for (const path of ['/_idpool/console/', '/_idpool/console/api/overview', '/_idpool/console/api/requests/stream']) {
      expect((await send(strict, { path })).status, path).toBe(403);
      const forged = await send(strict, signed(strict, 'idpool', { path }, { ...keys, secretAccessKey: 'guess' }));
      expect(forged.status, path).toBe(403);
    }
    const answer = await send(strict, signed(strict, 'idpool', { path: '/_idpool/console/api/overview' }, keys));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).counts).toBeDefined();
  });

  it('--no-admin: there is no console', async () => {
    for (const path of ['/_idpool/console', '/_idpool/console/api/overview']) {
      const answer = await send(noAdmin, { path });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toContain('counts');
      expect(answer.headers['content-security-policy']).toBeUndefined();
    }
  });
});
