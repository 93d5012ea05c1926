import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cognitoCredentials,
  CognitoIdentityError,
  getCredentialsForIdentity,
  signedFetch,
  signRequest,
  type IdentityLogin,
} from '../../src/client/index.js';
import { getDeveloperToken, signedFetch as nodeSignedFetch } from '../../src/index.js';
import { openScenario, startTarget, type Scenario } from '../../src/runner/scenario.js';
import { apiBaseUrl } from '../../src/targets/addressing.js';
import { embeddedTarget } from '../../src/targets/embedded.js';
import type { TargetSession } from '../../src/targets/target.js';
import { loadVectors, vectorCredentials } from '../auth/sigv4-vectors.js';

// Single-encoded paths (the suite's generic signer; execute-api, like the SDK, encodes twice) and a header value with a
// line break (fetch refuses those) are not what a browser client sends.
const notFetchRequests = new Set(['get-utf8', 'normalize-path/get-space', 'get-header-value-multiline']);

describe('idpool/client signs as AWS signs (the official SigV4 suite)', () => {
  for (const vector of loadVectors().filter((candidate) => !notFetchRequests.has(candidate.name))) {
    it(vector.name, async () => {
      const headers: Record<string, string> = {};
      let host = '';
      for (const [name, values] of vector.request.headers) {
        if (name === 'host') host = values[0] as string;
        else if (name !== 'x-amz-date') headers[name] = values.join(',');
      }
      const url = `https://${host}${vector.request.path}${vector.request.query ? `?${vector.request.query}` : ''}`;
      const body = vector.request.body.length > 0 ? vector.request.body.toString() : undefined;
      const signed = await signRequest(
        url,
        { method: vector.request.method, headers, ...(body ? { body } : {}) },
        vectorCredentials,
        {
          region: 'us-east-1',
          service: 'service',
          date: new Date('2015-08-30T12:36:00Z'),
        },
      );
      expect(signed.authorization).toBe(vector.authorization);
      expect(signed).not.toHaveProperty('host');
      expect(signed).not.toHaveProperty('x-amz-content-sha256');
    });
  }
});

describe('idpool/client against the embedded emulator', () => {
  let session: TargetSession;
  let scenario: Scenario;
  let login: (user: string) => Promise<IdentityLogin>;
  let pathApi: string;

  beforeAll(async () => {
    session = (await startTarget(embeddedTarget())) as TargetSession;
    scenario = await openScenario(session, { contracts: [] });
    const { stack } = scenario.state;
    login = (user) =>
      getDeveloperToken(
        {
          endpoint: session.endpoint as string,
          region: session.region,
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        },
        {
          identityPoolId: stack.identityPoolId as string,
          developerProviderName: stack.developerProviderName as string,
          developerUserId: user,
        },
      );
    pathApi = apiBaseUrl({ ...session, executeApiUrlStyle: 'path' }, stack.restApiId as string, stack.stage as string);
  });
  afterAll(async () => {
    await scenario?.close();
  });

  it('getCredentialsForIdentity (fetch, unsigned) answers the role credentials, and AWS errors by name', async () => {
    const developer = await login('client-user');
    const credentials = await getCredentialsForIdentity({
      ...developer,
      region: session.region,
      endpoint: session.endpoint as string,
    });
    expect(credentials).toMatchObject({
      identityId: developer.identityId,
      accessKeyId: expect.stringMatching(/^ASIA/),
    });
    expect(credentials.expiration.getTime() - Date.now()).toBeGreaterThan(3500_000);
    const refused = await getCredentialsForIdentity({
      ...developer,
      token: `${developer.token}x`,
      region: session.region,
      endpoint: session.endpoint as string,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CognitoIdentityError);
    expect(refused).toMatchObject({ name: 'NotAuthorizedException', status: 400 });
  });

  it('signedFetch gets "Hello user" from the path-form URL, and 403 for /private', async () => {
    const provider = cognitoCredentials({
      region: session.region,
      endpoint: session.endpoint as string,
      login: () => login('client-user'),
    });
    const hello = await signedFetch(`${pathApi}/hello`, { method: 'GET' }, provider, { region: session.region });
    expect(hello.status).toBe(200);
    expect(await hello.json()).toMatchObject({ message: 'Hello user', cognitoAuthenticationType: 'authenticated' });
    const denied = await signedFetch(`${pathApi}/private`, { method: 'GET' }, provider, { region: session.region });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });

  it('cognitoCredentials renews before expiry, once for concurrent callers, and not after a failure', async () => {
    let now = Date.now();
    let logins = 0;
    let failNext = false;
    const provider = cognitoCredentials({
      region: session.region,
      endpoint: session.endpoint as string,
      now: () => now,
      login: async () => {
        logins += 1;
        if (failNext) {
          failNext = false;
          throw new Error('backend down');
        }
        return login('renewing-user');
      },
    });
    const [first, same] = await Promise.all([provider(), provider()]);
    expect(logins).toBe(1);
    expect(same).toBe(first);
    now = first.expiration.getTime() - 301_000;
    expect(await provider()).toBe(first);
    now = first.expiration.getTime() - 299_000;
    failNext = true;
    await expect(provider()).rejects.toThrow('backend down');
    const renewed = await provider();
    expect(logins).toBe(3);
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    provider.invalidate();
    await provider();
    expect(logins).toBe(4);
  });

  it("the Node entry's signedFetch reaches <api-id>.execute-api.localhost by itself (RFC 6761)", async () => {
    const { stack } = scenario.state;
    const hostApi = apiBaseUrl(
      { ...session, executeApiUrlStyle: 'host' },
      stack.restApiId as string,
      stack.stage as string,
    );
    expect(new URL(hostApi).hostname).toMatch(/\.execute-api\.localhost$/);
    const credentials = await getCredentialsForIdentity({
      ...(await login('node-user')),
      region: session.region,
      endpoint: session.endpoint as string,
    });
    const response = await nodeSignedFetch(`${hostApi}/hello`, { method: 'GET' }, credentials, {
      region: session.region,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ message: 'Hello user' });
  });
});
