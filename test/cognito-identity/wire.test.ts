import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import { createDeveloperPool, developerToken } from './flow-support.js';

/** awsJson1_1 exactly as it travels: plain fetch, no SDK. */
describe('Cognito Identity on the wire (awsJson1_1)', () => {
  const ctx = useEmulator();

  const call = (operation: string, body: unknown) =>
    fetch(ctx.emulator.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityService.${operation}`,
      },
      body: JSON.stringify(body),
    });

  it('answers a success as JSON with the request id', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients, { allowUnauthenticated: true });
    const response = await call('GetId', { IdentityPoolId: poolId });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-amzn-errortype')).toBeNull();
    const text = await response.text();
    expect(text).toMatch(new RegExp(`^\\{"IdentityId":"${ctx.emulator.region}:[0-9a-f-]{36}"\\}$`));
  });

  it('writes credential expiry as epoch seconds', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients);
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'wire-user');
    const response = await call('GetCredentialsForIdentity', {
      IdentityId: identityId,
      Logins: { 'cognito-identity.amazonaws.com': token },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { IdentityId: string; Credentials: Record<string, unknown> };
    expect(Object.keys(body.Credentials).sort()).toEqual(['AccessKeyId', 'Expiration', 'SecretKey', 'SessionToken']);
    expect(Number.isInteger(body.Credentials.Expiration)).toBe(true);
    expect(Math.abs((body.Credentials.Expiration as number) - (Date.now() / 1000 + 3600))).toBeLessThan(5);
  });

  it('answers an error with __type, message and x-amzn-ErrorType', async () => {
    const poolId = `${ctx.emulator.region}:0bad0bad-0000-0000-0000-000000000000`;
    const response = await call('GetId', { IdentityPoolId: poolId });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe(
      `{"__type":"ResourceNotFoundException","message":"IdentityPool '${poolId}' not found."}`,
    );
  });

  it('answers a broken constraint with ValidationException', async () => {
    const response = await call('GetId', { IdentityPoolId: 'no-colon' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'ValidationException',
      message:
        "1 validation error detected: Value 'no-colon' at 'identityPoolId' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+',
    });
  });
});
