import { describe, expect, it } from 'vitest';
import { Clock } from '../../emulator/clock.js';
import * as devToken from '../../emulator/services/cognito-identity/get-open-id-token-for-developer-identity.js';
import { callContext } from '../support/call-context.js';
import { developerPool, developerProvider, linkUser, poolId } from '../support/cognito-pools.js';
import { FakeTokens } from '../support/fake-tokens.js';

const { getOpenIdTokenForDeveloperIdentity } = devToken;

// GetOpenIdTokenForDeveloperIdentity over a real store and a token service that signs nothing.
function setup() {
  const { cognito, pool } = developerPool();
  const tokens = new FakeTokens(new Clock(() => Date.parse('2026-01-01T00:00:00Z')));
  const handler = getOpenIdTokenForDeveloperIdentity.build({ cognito, tokens });
  const call = (input: Parameters<typeof handler>[0], context = callContext()) => handler(input, context);
  return { cognito, pool, tokens, call };
}

describe('GetOpenIdTokenForDeveloperIdentity, over its store and a fake token service', () => {
  it('declares the store and the token service, nothing more', () => {
    expect([...getOpenIdTokenForDeveloperIdentity.needs].sort()).toEqual(['cognito', 'tokens']);
  });

  it('gives the same developer user the same identity every time, and another user another', async () => {
    const { call, cognito } = setup();
    const first = await call({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } });
    const again = await call({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } });
    const bob = await call({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'bob' } });
    expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(bob.IdentityId).not.toBe(first.IdentityId);
    expect(cognito.identities.find(first.IdentityId as string)?.disabled).toBe(false);
  });

  it("signs AWS's developer claims for 15 minutes, or for TokenDuration", async () => {
    const { call, tokens } = setup();
    const { IdentityId, Token } = await call({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } });
    await call({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' }, TokenDuration: 86400 });
    expect(tokens.signed.map((signed) => signed.lifetimeSeconds)).toEqual([900, 86400]);
    expect(tokens.signed[0]?.token).toBe(Token);
    expect(tokens.signed[0]?.claims).toEqual({
      aud: poolId,
      sub: IdentityId,
      amr: ['authenticated', developerProvider, `${developerProvider}:${poolId}:alice`],
    });
  });

  it('writes principal tags as one-value lists under the AWS tags claim', async () => {
    const { call, tokens } = setup();
    await call({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' }, PrincipalTags: { team: 'blue' } });
    expect(tokens.signed[0]?.claims['https://aws.amazon.com/tags']).toEqual({ principal_tags: { team: ['blue'] } });
  });

  it('links a new user to the IdentityId passed, and refuses a user linked to another identity', async () => {
    const { call, cognito, pool } = setup();
    const aliceIdentity = linkUser(cognito, pool, 'alice');
    const bobIdentity = linkUser(cognito, pool, 'bob');
    const linked = await call({
      IdentityPoolId: poolId,
      IdentityId: aliceIdentity,
      Logins: { [developerProvider]: 'carol' },
    });
    expect(linked.IdentityId).toBe(aliceIdentity);
    expect(cognito.identities.loginCount(cognito.identities.find(aliceIdentity)?.seq as number)).toBe(2);
    await expect(
      call({ IdentityPoolId: poolId, IdentityId: aliceIdentity, Logins: { [developerProvider]: 'bob' } }),
    ).rejects.toMatchObject({ code: 'DeveloperUserAlreadyRegisteredException' });
    expect(
      cognito.identities.findByLogin({ poolSeq: pool.seq, provider: developerProvider, login: 'bob' })?.identityId,
    ).toBe(bobIdentity);
  });

  it('answers ResourceNotFound for an IdentityId the pool does not have', async () => {
    const { call } = setup();
    const unknown = 'us-east-1:00000000-0000-0000-0000-000000000000';
    await expect(
      call({ IdentityPoolId: poolId, IdentityId: unknown, Logins: { [developerProvider]: 'alice' } }),
    ).rejects.toMatchObject({
      code: 'ResourceNotFoundException',
      message: `Identity '${unknown}' not found.`,
    });
  });

  it('refuses a login of a provider that is not the pool developer provider, and signs nothing', async () => {
    const { call, tokens } = setup();
    await expect(call({ IdentityPoolId: poolId, Logins: { 'other.login': 'alice' } })).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'This identity pool does not support the specified developer provider.',
    });
    expect(tokens.signed).toEqual([]);
  });

  it("does not find another account's pool", async () => {
    const { call } = setup();
    await expect(
      call(
        { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
        callContext({ accountId: '111111111111' }),
      ),
    ).rejects.toMatchObject({ code: 'ResourceNotFoundException', message: `IdentityPool '${poolId}' not found.` });
  });
});
