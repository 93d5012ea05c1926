import { describe, expect, it } from 'vitest';
import { lookupDeveloperIdentity } from '../../emulator/services/cognito-identity/lookup-developer-identity.js';
import { mergeDeveloperIdentities } from '../../emulator/services/cognito-identity/merge-developer-identities.js';
import { unlinkDeveloperIdentity } from '../../emulator/services/cognito-identity/unlink-developer-identity.js';
import { callContext } from '../support/call-context.js';
import { developerPool, developerProvider, linkUser, poolId } from '../support/cognito-pools.js';

// The developer-identity operations, each over the one store it declares.
function setup() {
  const { cognito, pool } = developerPool();
  const seqOf = (identityId: string) => cognito.identities.find(identityId)?.seq as number;
  const ownerOf = (login: string) =>
    cognito.identities.findByLogin({ poolSeq: pool.seq, provider: developerProvider, login });
  return {
    cognito,
    pool,
    seqOf,
    ownerOf,
    lookup: lookupDeveloperIdentity.build({ cognito }),
    merge: mergeDeveloperIdentities.build({ cognito }),
    unlink: unlinkDeveloperIdentity.build({ cognito }),
  };
}

describe('LookupDeveloperIdentity', () => {
  it("pages through an identity's developer user ids in order, MaxResults at a time", async () => {
    const { cognito, pool, lookup } = setup();
    const identityId = linkUser(cognito, pool, 'user-c');
    for (const user of ['user-a', 'user-e', 'user-b', 'user-d']) linkUser(cognito, pool, user, identityId);
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await lookup(
        { IdentityPoolId: poolId, IdentityId: identityId, MaxResults: 2, NextToken: nextToken },
        callContext(),
      );
      expect(page.IdentityId).toBe(identityId);
      pages.push(page.DeveloperUserIdentifierList ?? []);
      nextToken = page.NextToken;
    } while (nextToken !== undefined);
    expect(pages).toEqual([['user-a', 'user-b'], ['user-c', 'user-d'], ['user-e']]);
  });

  it('finds the identity of a user id, and lists all its user ids', () => {
    const { cognito, pool, lookup } = setup();
    const identityId = linkUser(cognito, pool, 'alice');
    linkUser(cognito, pool, 'alias', identityId);
    expect(lookup({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'alice' }, callContext())).toEqual({
      IdentityId: identityId,
      DeveloperUserIdentifierList: ['alias', 'alice'],
      NextToken: undefined,
    });
  });

  it("refuses another listing's NextToken, a user of another identity, an unknown user and no key at all", async () => {
    const { cognito, pool, lookup } = setup();
    const alice = linkUser(cognito, pool, 'alice');
    linkUser(cognito, pool, 'alias', alice);
    const bob = linkUser(cognito, pool, 'bob');
    const { NextToken } = await lookup({ IdentityPoolId: poolId, IdentityId: alice, MaxResults: 1 }, callContext());
    expect(NextToken).toBeDefined();
    expect(() => lookup({ IdentityPoolId: poolId, IdentityId: bob, NextToken }, callContext())).toThrow(
      expect.objectContaining({ code: 'InvalidParameterException', message: 'The pagination token is invalid.' }),
    );
    expect(() =>
      lookup({ IdentityPoolId: poolId, IdentityId: bob, DeveloperUserIdentifier: 'alice' }, callContext()),
    ).toThrow(expect.objectContaining({ code: 'ResourceConflictException' }));
    expect(() => lookup({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'nobody' }, callContext())).toThrow(
      expect.objectContaining({
        code: 'ResourceNotFoundException',
        message: "Developer user identifier 'nobody' not found.",
      }),
    );
    expect(() => lookup({ IdentityPoolId: poolId }, callContext())).toThrow(
      expect.objectContaining({ code: 'InvalidParameterException' }),
    );
  });
});

describe('MergeDeveloperIdentities', () => {
  it("moves the source user's logins onto the destination's identity and leaves the source disabled", () => {
    const { cognito, pool, merge, ownerOf } = setup();
    const source = linkUser(cognito, pool, 'old');
    linkUser(cognito, pool, 'old-alias', source);
    const destination = linkUser(cognito, pool, 'new');
    const answer = merge(
      {
        IdentityPoolId: poolId,
        DeveloperProviderName: developerProvider,
        SourceUserIdentifier: 'old',
        DestinationUserIdentifier: 'new',
      },
      callContext({ now: new Date('2026-02-01T00:00:00Z') }),
    );
    expect(answer).toEqual({ IdentityId: destination });
    expect(ownerOf('old')?.identityId).toBe(destination);
    expect(ownerOf('old-alias')?.identityId).toBe(destination);
    expect(cognito.identities.find(source)).toMatchObject({
      disabled: true,
      lastModifiedAt: Date.parse('2026-02-01T00:00:00Z'),
    });
    expect(cognito.identities.find(destination)).toMatchObject({
      disabled: false,
      lastModifiedAt: Date.parse('2026-02-01T00:00:00Z'),
    });
  });

  it('changes nothing when both users already share an identity', () => {
    const { cognito, pool, merge } = setup();
    const identityId = linkUser(cognito, pool, 'a');
    linkUser(cognito, pool, 'b', identityId);
    const input = {
      IdentityPoolId: poolId,
      DeveloperProviderName: developerProvider,
      SourceUserIdentifier: 'a',
      DestinationUserIdentifier: 'b',
    };
    expect(merge(input, callContext())).toEqual({ IdentityId: identityId });
    expect(cognito.identities.find(identityId)?.disabled).toBe(false);
  });

  it('refuses a merge past 20 linked logins, an unknown user and another developer provider', () => {
    const { cognito, pool, merge, ownerOf } = setup();
    const big = linkUser(cognito, pool, 'big-0');
    for (let index = 1; index < 15; index++) linkUser(cognito, pool, `big-${index}`, big);
    const other = linkUser(cognito, pool, 'other-0');
    for (let index = 1; index < 6; index++) linkUser(cognito, pool, `other-${index}`, other);
    const input = {
      IdentityPoolId: poolId,
      DeveloperProviderName: developerProvider,
      SourceUserIdentifier: 'other-0',
      DestinationUserIdentifier: 'big-0',
    };
    expect(() => merge(input, callContext())).toThrow(expect.objectContaining({ code: 'ResourceConflictException' }));
    expect(ownerOf('other-0')?.identityId).toBe(other);
    expect(() => merge({ ...input, SourceUserIdentifier: 'nobody' }, callContext())).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException' }),
    );
    expect(() => merge({ ...input, DeveloperProviderName: 'other.login' }, callContext())).toThrow(
      expect.objectContaining({ code: 'NotAuthorizedException' }),
    );
  });
});

describe('UnlinkDeveloperIdentity', () => {
  it('unlinks the user; an identity left without logins is disabled, and the user is free for a new identity', () => {
    const { cognito, pool, unlink, ownerOf } = setup();
    const identityId = linkUser(cognito, pool, 'alice');
    unlink(
      {
        IdentityPoolId: poolId,
        IdentityId: identityId,
        DeveloperProviderName: developerProvider,
        DeveloperUserIdentifier: 'alice',
      },
      callContext(),
    );
    expect(ownerOf('alice')).toBeUndefined();
    expect(cognito.identities.find(identityId)?.disabled).toBe(true);
    expect(linkUser(cognito, pool, 'alice')).not.toBe(identityId);
  });

  it('keeps an identity with other logins enabled', () => {
    const { cognito, pool, unlink } = setup();
    const identityId = linkUser(cognito, pool, 'alice');
    linkUser(cognito, pool, 'alias', identityId);
    unlink(
      {
        IdentityPoolId: poolId,
        IdentityId: identityId,
        DeveloperProviderName: developerProvider,
        DeveloperUserIdentifier: 'alice',
      },
      callContext(),
    );
    expect(cognito.identities.find(identityId)?.disabled).toBe(false);
    expect(cognito.identities.providers(cognito.identities.find(identityId)?.seq as number)).toEqual([
      developerProvider,
    ]);
  });

  it("refuses a user linked to another identity, an unknown user and another account's identity", () => {
    const { cognito, pool, unlink, ownerOf } = setup();
    const alice = linkUser(cognito, pool, 'alice');
    linkUser(cognito, pool, 'bob');
    const input = {
      IdentityPoolId: poolId,
      IdentityId: alice,
      DeveloperProviderName: developerProvider,
      DeveloperUserIdentifier: 'bob',
    };
    expect(() => unlink(input, callContext())).toThrow(
      expect.objectContaining({
        code: 'ResourceConflictException',
        message: `Developer user identifier 'bob' is not linked to identity '${alice}'.`,
      }),
    );
    expect(ownerOf('bob')).toBeDefined();
    expect(() => unlink({ ...input, DeveloperUserIdentifier: 'nobody' }, callContext())).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException' }),
    );
    expect(() =>
      unlink({ ...input, DeveloperUserIdentifier: 'alice' }, callContext({ accountId: '111111111111' })),
    ).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException', message: `IdentityPool '${poolId}' not found.` }),
    );
  });
});
