import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { ApiBuilder } from '../apigateway/api-builder.js';
import { useEmulator } from '../support/emulator.js';
import { cognitoCall, json, send, signed } from './support.js';

const foreign = 'https://evil.example';

/** A control-plane write of each protocol, signed (any key is the root in the default mode). */
function writes(emulator: RunningEmulator) {
  return {
    awsJson: signed(
      emulator,
      'cognito-identity',
      cognitoCall(
        'CreateIdentityPool',
        JSON.stringify({ IdentityPoolName: 'fromweb', AllowUnauthenticatedIdentities: true }),
      ),
    ),
    awsQuery: signed(emulator, 'iam', {
      method: 'POST',
      path: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'CreateRole',
        Version: '2010-05-08',
        RoleName: 'fromweb',
        AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
      }).toString(),
    }),
    restJson: signed(emulator, 'apigateway', {
      method: 'POST',
      path: '/restapis',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"fromweb"}',
    }),
  };
}

function withHeaders(raw: ReturnType<typeof writes>['awsJson'], headers: Record<string, string>) {
  return { ...raw, headers: { ...raw.headers, ...headers } };
}

describe('web origins', () => {
  const ctx = useEmulator({ logLevel: 'error' });

  it('refuses a control-plane call from a foreign origin with 403 before anything runs, in each protocol', async () => {
    const { awsJson, awsQuery, restJson } = writes(ctx.emulator);
    const json1 = await send(ctx.emulator, withHeaders(awsJson, { origin: foreign }));
    expect(json1.status).toBe(403);
    expect(json1.headers['access-control-allow-origin']).toBeUndefined();
    expect(json(json1).__type).toBe('AccessDeniedException');
    expect(json(json1).message).toContain('--cors-allowed-origins');

    const query = await send(ctx.emulator, withHeaders(awsQuery, { origin: foreign }));
    expect(query.status).toBe(403);
    expect(query.body).toMatch(/^<ErrorResponse .*<Code>AccessDenied<\/Code><Message>[^<]*--cors-allowed-origins/);

    const rest = await send(ctx.emulator, withHeaders(restJson, { origin: foreign }));
    expect(rest.status).toBe(403);
    expect(rest.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(json(rest).message).toContain(foreign);

    const clients = ctx.clients;
    expect((await clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }))).IdentityPools).toEqual([]);
    expect((await clients.iam.send(new ListRolesCommand({}))).Roles?.some((role) => role.RoleName === 'fromweb')).toBe(
      false,
    );
    expect((await clients.apiGateway.send(new GetRestApisCommand({}))).items ?? []).toEqual([]);
  });

  it('judges a request without Origin by its Referer, and never allows the opaque origin null', async () => {
    const { awsJson } = writes(ctx.emulator);
    const referred = await send(ctx.emulator, withHeaders(awsJson, { referer: `${foreign}/attack.html` }));
    expect(referred.status).toBe(403);
    const sandboxed = await send(ctx.emulator, withHeaders(awsJson, { origin: 'null' }));
    expect(sandboxed.status).toBe(403);
    const lookalike = await send(ctx.emulator, withHeaders(awsJson, { origin: 'http://localhost.evil.example' }));
    expect(lookalike.status).toBe(403);
  });

  it('refuses a foreign preflight without echoing the headers it asks for', async () => {
    const preflight = await send(ctx.emulator, {
      method: 'OPTIONS',
      path: '/2015-03-31/functions',
      headers: {
        origin: foreign,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-amz-date,x-evil',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS to the local development origins, any port, http or https, and none without an Origin', async () => {
    for (const origin of [
      'http://localhost:3000',
      'https://localhost',
      'http://127.0.0.1:5173',
      'http://[::1]:8080',
      'https://app.localhost:8443',
    ]) {
      const answer = await send(
        ctx.emulator,
        signed(ctx.emulator, 'cognito-identity', {
          ...cognitoCall('ListIdentityPools', '{"MaxResults":5}'),
          headers: { ...cognitoCall('ListIdentityPools', '').headers, origin },
        }),
      );
      expect(answer.status, origin).toBe(200);
      expect(answer.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(answer.headers.vary).toBe('Origin');
      const preflight = await send(ctx.emulator, {
        method: 'OPTIONS',
        path: '/',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,x-amz-date,x-amz-target,content-type',
        },
      });
      expect(preflight.status, origin).toBe(200);
      expect(preflight.headers['access-control-allow-origin']).toBe(origin);
      expect(preflight.headers['access-control-allow-headers']).toBe(
        'authorization,x-amz-date,x-amz-target,content-type',
      );
    }
    const server = await send(
      ctx.emulator,
      signed(ctx.emulator, 'cognito-identity', cognitoCall('ListIdentityPools', '{"MaxResults":5}')),
    );
    expect(server.status).toBe(200);
    expect(server.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves execute-api to the API’s own CORS configuration, for any origin, adding none of its own', async () => {
    const api = await ApiBuilder.create(ctx.clients.apiGateway, 'cors-api');
    await api.mock('GET', '/plain', 'NONE');
    await api.cors('/plain');
    await api.deploy('dev');
    const host = `${api.apiId}.execute-api.localhost:${ctx.emulator.port}`;
    const preflight = await send(ctx.emulator, {
      method: 'OPTIONS',
      path: '/dev/plain',
      headers: { host, origin: foreign, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toBe(
      'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token',
    );
    const get = await send(ctx.emulator, { path: '/dev/plain', headers: { host, origin: foreign } });
    expect(get.status).toBe(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const path = await send(ctx.emulator, {
      path: `/restapis/${api.apiId}/dev/_user_request_/plain`,
      headers: { origin: foreign },
    });
    expect(path.status).toBe(200);
    expect(path.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('--cors-allowed-origins', () => {
  let listed: RunningEmulator;
  let any: RunningEmulator;
  beforeAll(async () => {
    listed = await startEmulator({
      port: 0,
      logLevel: 'error',
      corsAllowedOrigins: ['https://app.example.com', 'http://tools.internal:8080/'],
    });
    any = await startEmulator({ port: 0, logLevel: 'error', corsAllowedOrigins: ['*'] });
  });
  afterAll(async () => {
    await listed?.stop();
    await any?.stop();
  });

  it('allows the origins it names, exactly, and * allows any', async () => {
    const call = (emulator: RunningEmulator, origin: string) =>
      send(
        emulator,
        signed(emulator, 'cognito-identity', {
          ...cognitoCall('ListIdentityPools', '{"MaxResults":5}'),
          headers: { ...cognitoCall('ListIdentityPools', '').headers, origin },
        }),
      );
    expect((await call(listed, 'https://app.example.com')).headers['access-control-allow-origin']).toBe(
      'https://app.example.com',
    );
    expect((await call(listed, 'http://tools.internal:8080')).status).toBe(200);
    expect((await call(listed, 'http://app.example.com')).status).toBe(403);
    expect((await call(listed, 'https://app.example.com:8443')).status).toBe(403);
    expect((await call(listed, foreign)).status).toBe(403);
    const anyAnswer = await call(any, foreign);
    expect(anyAnswer.status).toBe(200);
    expect(anyAnswer.headers['access-control-allow-origin']).toBe(foreign);
  });

  it('refuses a malformed origin at start', async () => {
    await expect(startEmulator({ port: 0, corsAllowedOrigins: ['https://app.example.com/path'] })).rejects.toThrow(
      /--cors-allowed-origins/,
    );
  });
});
