import { describe, expect, it } from 'vitest';
import { Clock } from '../../emulator/clock.js';
import { getId } from '../../emulator/services/cognito-identity/get-id.js';
import { getOpenIdToken } from '../../emulator/services/cognito-identity/get-open-id-token.js';
import * as devToken from '../../emulator/services/cognito-identity/get-open-id-token-for-developer-identity.js';
import { unlinkIdentity } from '../../emulator/services/cognito-identity/unlink-identity.js';
import { callContext } from '../support/call-context.js';
import { developerPool, developerProvider, poolId } from '../support/cognito-pools.js';
import { FakeTokens } from '../support/fake-tokens.js';

const { getOpenIdTokenForDeveloperIdentity } = devToken;

// The operations AWS serves unsigned: no caller, the pool or identity found by its id alone.
function setup(allowUnauthenticatedIdentities = true) {
  const { cognito, pool } = developerPool({ allowUnauthenticatedIdentities });
  const clock = new Clock(() => Date.parse('2026-01-01T00:00:00Z'));
  const tokens = new FakeTokens(clock);
  const publicCall = callContext({ caller: undefined, accountId: '111111111111' });
  return {
    cognito,
    pool,
    tokens,
    publicCall,
    getId: getId.build({ cognito }),
    getOpenIdToken: getOpenIdToken.build({ cognito, tokens }),
    developerToken: getOpenIdTokenForDeveloperIdentity.build({ cognito, tokens }),
    unlinkIdentity: unlinkIdentity.build({ cognito, tokens, clock }),
  };
}

describe('GetId and GetOpenIdToken (the basic flow)', () => {
  it('makes a new unauthenticated identity per call and a 10-minute unauthenticated token for it', async () => {
    const { getId, getOpenIdToken, tokens, publicCall } = setup();
    const first = (await getId({ IdentityPoolId: poolId }, publicCall)).IdentityId as string;
    expect((await getId({ IdentityPoolId: poolId }, publicCall)).IdentityId).not.toBe(first);
    const answer = await getOpenIdToken({ IdentityId: first }, publicCall);
    expect(answer).toEqual({ IdentityId: first, Token: tokens.signed[0]?.token });
    expect(tokens.signed[0]).toMatchObject({
      claims: { aud: poolId, sub: first, amr: ['unauthenticated'] },
      lifetimeSeconds: 600,
    });
  });

  it('refuses both when the pool allows no unauthenticated identities', async () => {
    const { getId, cognito, pool, getOpenIdToken, publicCall } = setup(false);
    const refusal = {
      code: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    };
    expect(() => getId({ IdentityPoolId: poolId }, publicCall)).toThrow(expect.objectContaining(refusal));
    const identityId = cognito.identities.create(pool.seq, pool.region, 0);
    await expect(getOpenIdToken({ IdentityId: identityId }, publicCall)).rejects.toMatchObject(refusal);
  });

  it('refuses a Cognito token as a GetId login, and an authenticated identity in GetOpenIdToken', async () => {
    const { getId, getOpenIdToken, developerToken } = setup();
    expect(() =>
      getId({ IdentityPoolId: poolId, Logins: { 'cognito-identity.amazonaws.com': 'x' } }, callContext()),
    ).toThrow(
      expect.objectContaining({
        code: 'NotAuthorizedException',
        message: "Invalid login token. Can't pass in a Cognito token.",
      }),
    );
    const { IdentityId } = await developerToken(
      { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
      callContext(),
    );
    await expect(getOpenIdToken({ IdentityId }, callContext({ caller: undefined }))).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: `Access to Identity '${IdentityId}' is forbidden.`,
    });
  });
});

describe('UnlinkIdentity', () => {
  it("unlinks the named providers' logins from an identity that proves itself with its token", async () => {
    const { cognito, developerToken, unlinkIdentity, publicCall } = setup();
    const { IdentityId, Token } = await developerToken(
      { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
      callContext(),
    );
    const identityId = IdentityId as string;
    const logins = { 'cognito-identity.amazonaws.com': Token as string };
    await unlinkIdentity(
      { IdentityId: identityId, Logins: logins, LoginsToRemove: ['unlinked.example', developerProvider] },
      publicCall,
    );
    const identity = cognito.identities.find(identityId);
    expect(cognito.identities.providers(identity?.seq as number)).toEqual([]);
    expect(identity?.disabled).toBe(true);
  });

  it("refuses another identity's token and no token at all", async () => {
    const { developerToken, unlinkIdentity, publicCall } = setup();
    const alice = await developerToken(
      { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
      callContext(),
    );
    const bob = await developerToken({ IdentityPoolId: poolId, Logins: { [developerProvider]: 'bob' } }, callContext());
    const forbidden = {
      code: 'NotAuthorizedException',
      message: `Access to Identity '${alice.IdentityId}' is forbidden.`,
    };
    const input = { IdentityId: alice.IdentityId, LoginsToRemove: [developerProvider] };
    await expect(
      unlinkIdentity({ ...input, Logins: { 'cognito-identity.amazonaws.com': bob.Token as string } }, publicCall),
    ).rejects.toMatchObject(forbidden);
    await expect(unlinkIdentity({ ...input, Logins: {} }, publicCall)).rejects.toMatchObject(forbidden);
  });
});
