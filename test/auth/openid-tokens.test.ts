import { createLocalJWKSet, jwtVerify, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { cognitoIssuer, OpenIdTokenError, OpenIdTokens } from '../../emulator/auth/openid-tokens.js';
import { Clock } from '../../emulator/clock.js';
import { AuthStore } from '../../emulator/store/auth-store.js';
import { Database } from '../../emulator/store/database.js';
import { exportState, importState } from '../../emulator/store/state-transfer.js';

const clock = new Clock();
const tokens = new OpenIdTokens(new AuthStore(Database.open()), clock, 'us-east-1');
const claims = {
  aud: 'us-east-1:pool',
  sub: 'us-east-1:identity',
  amr: ['authenticated', 'login.app', 'login.app:us-east-1:pool:alice'],
};

async function rejection(token: string): Promise<string> {
  const error = await tokens.verify(token).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(OpenIdTokenError);
  return (error as OpenIdTokenError).reason;
}

describe('OpenID tokens signed and verified with node:crypto', () => {
  let token: string;
  beforeAll(async () => {
    token = await tokens.sign(claims, 600);
  });

  it('writes what jose verifies against the JWKS: RS512, the kid, the claims in SignJWT order', async () => {
    const { payload, protectedHeader } = await jwtVerify(
      token,
      createLocalJWKSet((await tokens.jwks()) as JSONWebKeySet),
      {
        issuer: cognitoIssuer,
        algorithms: ['RS512'],
      },
    );
    expect(protectedHeader).toEqual({ kid: 'us-east-1-1', typ: 'JWS', alg: 'RS512' });
    expect(Object.keys(decodeProtectedHeader(token))).toEqual(['kid', 'typ', 'alg']);
    expect(Object.keys(payload)).toEqual(['aud', 'sub', 'amr', 'iss', 'iat', 'exp']);
    expect(payload.exp).toBe((payload.iat as number) + 600);
    expect(await tokens.verify(token)).toMatchObject(claims);
  });

  it('refuses a changed payload, a signature spelt otherwise, another algorithm and an unknown key', async () => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const other = Buffer.from(
      JSON.stringify({ ...claims, sub: 'us-east-1:someone-else', iss: cognitoIssuer, exp: 9e9 }),
    ).toString('base64url');
    expect(await rejection(`${header}.${other}.${signature}`)).toBe('invalid');
    // Node's decoder would skip these characters and find the same signature bytes.
    expect(await rejection(`${header}.${payload}.${signature}!`)).toBe('invalid');
    expect(await rejection(`${header}.${payload}.${signature.slice(0, 10)}=${signature.slice(10)}`)).toBe('invalid');
    const none = Buffer.from(JSON.stringify({ kid: 'us-east-1-1', typ: 'JWS', alg: 'none' })).toString('base64url');
    expect(await rejection(`${none}.${payload}.${signature}`)).toBe('invalid');
    const unknownKid = Buffer.from(JSON.stringify({ kid: 'us-east-1-9', typ: 'JWS', alg: 'RS512' })).toString(
      'base64url',
    );
    expect(await rejection(`${unknownKid}.${payload}.${signature}`)).toBe('invalid');
    expect(await rejection('not.a-token')).toBe('invalid');
  });

  it('is expired once the clock reaches exp, not a second before', async () => {
    const short = await tokens.sign(claims, 60);
    clock.advance(59);
    await expect(tokens.verify(short)).resolves.toMatchObject(claims);
    clock.advance(1);
    expect(await rejection(short)).toBe('expired');
    clock.setOffset(0);
  });
});

describe('the tokens a process signed lately, which it knows without an RSA verification', () => {
  it('pass as a verification with their key would, no other, and not once the key is replaced', async () => {
    const db = Database.open();
    const signer = new OpenIdTokens(new AuthStore(db), clock, 'us-east-1');
    const remembered = await signer.sign(claims, 600);
    const [header, payload, signature] = remembered.split('.') as [string, string, string];
    await expect(signer.verify(remembered)).resolves.toMatchObject(claims);
    // Another instance on the same keys verifies it in full, with the same answer.
    await expect(new OpenIdTokens(new AuthStore(db), clock, 'us-east-1').verify(remembered)).resolves.toMatchObject(
      claims,
    );
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'us-east-1:mallory', iss: cognitoIssuer })).toString(
      'base64url',
    );
    await expect(signer.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject({ reason: 'invalid' });
    await expect(signer.verify(`${header}.${payload}.${signature}x`)).rejects.toMatchObject({ reason: 'invalid' });

    // A state import brings another key under the same kid: the remembered token is now one it never signed.
    const other = Database.open();
    await new OpenIdTokens(new AuthStore(other), clock, 'us-east-1').ready();
    importState(db, exportState(other, { includeSecrets: true, now: new Date() }));
    await signer.reload();
    await expect(signer.verify(remembered)).rejects.toMatchObject({
      reason: 'invalid',
      message: 'signature verification failed',
    });
  });

  it('still expire by the clock', async () => {
    const short = await tokens.sign(claims, 30);
    clock.advance(30);
    expect(await rejection(short)).toBe('expired');
    clock.setOffset(0);
  });
});

describe('where the RSA signature is computed', () => {
  it('inline when its request is the only one in flight, on the thread pool beside others: one token', async () => {
    const inFlight = { count: 1 };
    const store = new AuthStore(Database.open());
    const fixedClock = { nowSeconds: () => 1_800_000_000, nowMs: () => 1_800_000_000_000 } as Clock;
    const signer = new OpenIdTokens(store, fixedClock, 'us-east-1', false, inFlight);
    const jwks = createLocalJWKSet((await signer.jwks()) as JSONWebKeySet);
    // Keys loaded: each sign reads the count as it is called.
    const alone = signer.sign(claims, 600);
    inFlight.count = 5;
    const besideOthers = signer.sign(claims, 600);
    // RSASSA-PKCS1-v1_5 is deterministic: one key, one input, one signature, wherever it was computed.
    expect(await besideOthers).toBe(await alone);
    const { payload } = await jwtVerify(await alone, jwks, { currentDate: new Date(1_800_000_000_000) });
    expect(payload.sub).toBe(claims.sub);
  });
});
