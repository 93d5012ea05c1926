import { DeleteStageCommand, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { beforeAll, describe, expect, it } from 'vitest';
import { executeApiHost, sendRaw } from '../support/execute-api.js';
import { useEmulator } from '../support/emulator.js';
import { ApiBuilder } from './api-builder.js';

describe('execute-api routing', () => {
  const ctx = useEmulator();
  let api: ApiBuilder;
  let host: string;

  beforeAll(async () => {
    api = await ApiBuilder.create(ctx.clients.apiGateway, 'routes');
    await api.mock('GET', '/', 'NONE');
    await api.mock('GET', '/hello', 'NONE');
    await api.mock('GET', '/users/{id}', 'NONE');
    await api.mock('GET', '/users/me', 'NONE');
    await api.mock('GET', '/users/{id}/orders', 'NONE');
    await api.mock('ANY', '/files/{proxy+}', 'NONE');
    await api.mock('GET', '/things', 'NONE');
    await api.mock('ANY', '/things', 'NONE');
    await api.mock('POST', '/created', 'NONE', 201);
    await api.cors('/hello');
    await api.deploy('dev');
    host = executeApiHost(ctx.emulator, api.apiId);
  });

  const get = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
    sendRaw(ctx.emulator, { host, path, method, headers });
  const routeOf = async (path: string, method = 'GET') => {
    const response = await get(path, method);
    return response.status === 200 || response.status === 201
      ? (JSON.parse(response.body) as { route: string }).route
      : `${response.status} ${response.body}`;
  };

  it('answers on the host form with the ids AWS sends and without the emulator CORS headers', async () => {
    const response = await get('/dev/hello');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ route: 'GET /hello' });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-amz-apigw-id']).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts any domain after <api-id>.execute-api.', async () => {
    const response = await sendRaw(ctx.emulator, {
      host: `${api.apiId}.execute-api.us-east-1.amazonaws.com`,
      path: '/dev/hello',
    });
    expect(response.status).toBe(200);
  });

  it('takes the host name in any case, as DNS does', async () => {
    const upper = `${api.apiId.toUpperCase()}.EXECUTE-API.LOCALHOST:${ctx.emulator.port}`;
    const response = await sendRaw(ctx.emulator, { host: upper, path: '/dev/hello' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ route: 'GET /hello' });
  });

  it('answers on the path form /restapis/<id>/<stage>/_user_request_/<path>', async () => {
    const response = await fetch(`${ctx.emulator.url}/restapis/${api.apiId}/dev/_user_request_/hello`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ route: 'GET /hello' });
    const root = await fetch(`${ctx.emulator.url}/restapis/${api.apiId}/dev/_user_request_/`);
    expect(await root.json()).toEqual({ route: 'GET /' });
  });

  it('matches literal parts before {param} before {proxy+}, and the method before ANY', async () => {
    expect(await routeOf('/dev')).toBe('GET /');
    expect(await routeOf('/dev/users/me')).toBe('GET /users/me');
    expect(await routeOf('/dev/users/42')).toBe('GET /users/{id}');
    expect(await routeOf('/dev/users/42/orders')).toBe('GET /users/{id}/orders');
    expect(await routeOf('/dev/files/a/b/c.txt', 'PUT')).toBe('ANY /files/{proxy+}');
    expect(await routeOf('/dev/things')).toBe('GET /things');
    expect(await routeOf('/dev/things', 'DELETE')).toBe('ANY /things');
    expect(await routeOf('/dev/created', 'POST')).toBe('POST /created');
    const created = await get('/dev/created', 'POST');
    expect(created.status).toBe(201);
  });

  it('answers an unknown path or method with 403 Missing Authentication Token', async () => {
    for (const [path, method] of [
      ['/dev/nope', 'GET'],
      ['/dev/hello', 'POST'],
      ['/dev/files', 'GET'],
      ['/dev/users/42/orders/7', 'GET'],
    ] as const) {
      const response = await get(path, method);
      expect(response.status).toBe(403);
      expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
      expect(response.headers['x-amzn-requestid']).toBeDefined();
      expect(response.headers['x-amz-apigw-id']).toBeDefined();
      expect(response.body).toBe('{"message":"Missing Authentication Token"}');
    }
  });

  it('answers a CORS preflight from the API own OPTIONS method', async () => {
    const response = await get('/dev/hello', 'OPTIONS', {
      origin: 'http://localhost:3000',
      'access-control-request-method': 'GET',
    });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-allow-methods']).toBe('GET,OPTIONS');
    expect(response.headers['access-control-allow-headers']).toBe(
      'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
    );
    const noPreflight = await get('/dev/users/42', 'OPTIONS', { origin: 'http://localhost:3000' });
    expect(noPreflight.status).toBe(403);
    expect(noPreflight.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('serves only what was deployed, and only deployed stages', async () => {
    await api.mock('GET', '/later', 'NONE');
    expect((await get('/dev/later')).status).toBe(403);
    await api.deploy('dev');
    expect(await routeOf('/dev/later')).toBe('GET /later');
    const unknownStage = await get('/prod/hello');
    expect(unknownStage.status).toBe(403);
    expect(unknownStage.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(unknownStage.body).toBe('{"message":"Missing Authentication Token"}');
    await api.deploy('gone');
    expect((await get('/gone/hello')).status).toBe(200);
    await ctx.clients.apiGateway.send(new DeleteStageCommand({ restApiId: api.apiId, stageName: 'gone' }));
    expect((await get('/gone/hello')).status).toBe(403);
  });

  it('answers 403 Forbidden once a disabled default endpoint is deployed', async () => {
    await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.apiId,
        patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'true' }],
      }),
    );
    expect((await get('/dev/hello')).status).toBe(200);
    await api.deploy('dev');
    const response = await get('/dev/hello');
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('ForbiddenException');
    expect(response.body).toBe('{"message":"Forbidden"}');
    await ctx.clients.apiGateway.send(
      new UpdateRestApiCommand({
        restApiId: api.apiId,
        patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'false' }],
      }),
    );
    await api.deploy('dev');
    expect((await get('/dev/hello')).status).toBe(200);
  });

  it('answers an unknown API id with 404', async () => {
    const response = await sendRaw(ctx.emulator, {
      host: executeApiHost(ctx.emulator, 'zzzzzzzzzz'),
      path: '/dev/hello',
    });
    expect(response.status).toBe(404);
    expect(response.headers['x-amzn-errortype']).toBe('NotFoundException');
  });
});
