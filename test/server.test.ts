import { describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { useEmulator } from './support/emulator.js';

describe('the emulator server', () => {
  const ctx = useEmulator();

  it('counts the requests in flight (token signing reads it): none once answered or dropped', async () => {
    const { runtime, url } = ctx.emulator;
    await Promise.all(Array.from({ length: 8 }, () => fetch(`${url}/_idpool/health`).then((r) => r.text())));
    // A client that sends half a request and leaves: in flight while the server waits for the rest.
    const half = request(`${url}/`, { method: 'POST', headers: { 'content-length': '100' } });
    half.on('error', () => undefined);
    await new Promise<void>((resolve) => half.write('{"a":', () => resolve()));
    for (let waited = 0; runtime.inFlight.count === 0 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runtime.inFlight.count).toBe(1);
    half.destroy();
    for (let waited = 0; runtime.inFlight.count !== 0 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runtime.inFlight.count).toBe(0);
  });

  it('answers health with the services it speaks', async () => {
    const response = await fetch(`${ctx.emulator.url}/_idpool/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { services: Record<string, unknown> };
    expect(Object.keys(body.services).sort()).toEqual(['apigateway', 'cognito-identity', 'iam', 'lambda', 'sts']);
  });

  it('moves its clock forward and to an offset', async () => {
    const before = (await (await fetch(`${ctx.emulator.url}/_idpool/clock`)).json()) as { now: string };
    const advanced = await fetch(`${ctx.emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: 3600 }),
    });
    const after = (await advanced.json()) as { now: string; offsetSeconds: number };
    expect(after.offsetSeconds).toBe(3600);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3_600_000);
    const reset = (await (
      await fetch(`${ctx.emulator.url}/_idpool/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ offsetSeconds: 0 }),
      })
    ).json()) as { offsetSeconds: number };
    expect(reset.offsetSeconds).toBe(0);
    const bad = await fetch(`${ctx.emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"advanceSeconds":"soon"}',
    });
    expect(bad.status).toBe(400);
  });

  it('answers an unknown path with an AWS-shaped 404', async () => {
    const response = await fetch(`${ctx.emulator.url}/no/such/thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(((await response.json()) as { message: string }).message).toContain('/no/such/thing');
  });

  it('refuses an unsigned call to an operation AWS requires signed', async () => {
    const response = await fetch(ctx.emulator.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.ListIdentityPools',
      },
      body: '{"MaxResults":10}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('answers an unknown JSON target with UnknownOperationException', async () => {
    const response = await fetch(ctx.emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.MakeCoffee' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });

  it('answers unparsable JSON with SerializationException', async () => {
    const response = await fetch(ctx.emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityService.GetId' },
      body: '{"IdentityPoolId":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
  });

  it('refuses a body over the limit without reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = request(ctx.emulator.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.GetId',
          'content-length': String(200 * 1024 * 1024),
        },
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      outgoing.write('{"IdentityPoolId":"');
    });
    expect(status).toBe(413);
    const health = await fetch(`${ctx.emulator.url}/_idpool/health`);
    expect(health.status).toBe(200);
  });
});
