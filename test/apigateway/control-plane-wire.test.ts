import aws4 from 'aws4';
import { describe, expect, it } from 'vitest';
import { rootCredentials, useEmulator } from '../support/emulator.js';

/** The control plane as a plain signed HTTP client sees it: status, headers and exact JSON. */
describe('API Gateway control plane on the wire', () => {
  const ctx = useEmulator();

  async function signedFetch(method: string, path: string, body?: unknown): Promise<Response> {
    const url = new URL(ctx.emulator.url);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const signed = aws4.sign(
      {
        host: url.host,
        path,
        method,
        service: 'apigateway',
        region: 'us-east-1',
        body: payload,
        headers: payload ? { 'content-type': 'application/json' } : {},
      },
      rootCredentials,
    );
    return fetch(`${ctx.emulator.url}${path}`, {
      method,
      headers: signed.headers as Record<string, string>,
      body: payload,
    });
  }

  it('creates an API: 201 with the RestApi JSON', async () => {
    const response = await signedFetch('POST', '/restapis', { name: 'wire' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'apiKeySource',
      'createdDate',
      'disableExecuteApiEndpoint',
      'endpointConfiguration',
      'id',
      'name',
      'rootResourceId',
    ]);
    expect(body).toMatchObject({
      name: 'wire',
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['EDGE'], ipAddressType: 'ipv4' },
      disableExecuteApiEndpoint: false,
    });
    expect(Number.isInteger(body.createdDate)).toBe(true);
    const resources = await signedFetch('GET', `/restapis/${body.id as string}/resources`);
    expect(await resources.json()).toEqual({ item: [{ id: body.rootResourceId, path: '/' }] });
    const deleted = await signedFetch('DELETE', `/restapis/${body.id as string}`);
    expect(deleted.status).toBe(202);
    expect(await deleted.text()).toBe('');
  });

  it('answers errors as {"message"} with x-amzn-ErrorType', async () => {
    const response = await signedFetch('GET', '/restapis/abcdef1234');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('NotFoundException');
    expect(await response.text()).toBe('{"message":"Invalid API identifier specified 000000000000:abcdef1234"}');
    const invalid = await signedFetch('POST', '/restapis', {});
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await invalid.json()).toEqual({
      message:
        "1 validation error detected: Value null at 'createRestApiInput.name' failed to satisfy constraint: " +
        'Member must not be null',
    });
  });

  it('refuses an unsigned control-plane call', async () => {
    const response = await fetch(`${ctx.emulator.url}/restapis`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });
});
