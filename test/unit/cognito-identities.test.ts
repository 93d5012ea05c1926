import { describe, expect, it } from 'vitest';
import { deleteIdentities } from '../../emulator/services/cognito-identity/delete-identities.js';
import { listIdentities } from '../../emulator/services/cognito-identity/list-identities.js';
import { unlinkDeveloperIdentity } from '../../emulator/services/cognito-identity/unlink-developer-identity.js';
import { callContext } from '../support/call-context.js';
import { developerPool, developerProvider, linkUser, poolId } from '../support/cognito-pools.js';

function setup() {
  const { cognito, pool } = developerPool();
  const list = listIdentities.build({ cognito });
  const listAll = async (input: { HideDisabled?: boolean; MaxResults?: number } = {}) => {
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await list(
        {
          IdentityPoolId: poolId,
          MaxResults: input.MaxResults ?? 60,
          HideDisabled: input.HideDisabled,
          NextToken: nextToken,
        },
        callContext(),
      );
      ids.push(...(page.Identities ?? []).map((identity) => identity.IdentityId as string));
      nextToken = page.NextToken;
    } while (nextToken !== undefined);
    return ids;
  };
  return { cognito, pool, list, listAll, remove: deleteIdentities.build({ cognito }) };
}

describe('ListIdentities', () => {
  it('lists identities in creation order, with the providers of their logins, MaxResults at a time', async () => {
    const { cognito, pool, list, listAll } = setup();
    const linked = linkUser(cognito, pool, 'alice');
    const unauthenticated = cognito.identities.create(pool.seq, pool.region, Date.parse('2026-01-02T00:00:00Z'));
    const third = linkUser(cognito, pool, 'bob');
    expect(await listAll({ MaxResults: 1 })).toEqual([linked, unauthenticated, third]);
    const first = await list({ IdentityPoolId: poolId, MaxResults: 2 }, callContext());
    expect(first.IdentityPoolId).toBe(poolId);
    expect(first.Identities).toEqual([
      {
        IdentityId: linked,
        Logins: [developerProvider],
        CreationDate: new Date('2026-01-01T00:00:00Z'),
        LastModifiedDate: new Date('2026-01-01T00:00:00Z'),
      },
      {
        IdentityId: unauthenticated,
        Logins: undefined,
        CreationDate: new Date('2026-01-02T00:00:00Z'),
        LastModifiedDate: new Date('2026-01-02T00:00:00Z'),
      },
    ]);
    expect(first.NextToken).toBeDefined();
  });

  it('leaves out the identities whose logins were all unlinked with HideDisabled, and only then', async () => {
    const { cognito, pool, listAll } = setup();
    const alice = linkUser(cognito, pool, 'alice');
    const bob = linkUser(cognito, pool, 'bob');
    const unauthenticated = cognito.identities.create(pool.seq, pool.region, Date.parse('2026-01-01T00:00:00Z'));
    unlinkDeveloperIdentity.build({ cognito })(
      {
        IdentityPoolId: poolId,
        IdentityId: alice,
        DeveloperProviderName: developerProvider,
        DeveloperUserIdentifier: 'alice',
      },
      callContext(),
    );
    expect(await listAll()).toEqual([alice, bob, unauthenticated]);
    expect(await listAll({ HideDisabled: true })).toEqual([bob, unauthenticated]);
    expect(await listAll({ HideDisabled: true, MaxResults: 1 })).toEqual([bob, unauthenticated]);
  });

  it("refuses a NextToken of another pool's listing", async () => {
    const { cognito, pool, list } = setup();
    linkUser(cognito, pool, 'alice');
    linkUser(cognito, pool, 'bob');
    const other = cognito.pools.create(
      {
        poolId: 'us-east-1:22222222-2222-2222-2222-222222222222',
        accountId: '000000000000',
        region: 'us-east-1',
        createdAt: 0,
        tags: {},
      },
      { ...pool, name: 'other' },
    );
    const { NextToken } = await list({ IdentityPoolId: poolId, MaxResults: 1 }, callContext());
    expect(() => list({ IdentityPoolId: other.poolId, MaxResults: 1, NextToken }, callContext())).toThrow(
      expect.objectContaining({ code: 'InvalidParameterException', message: 'The pagination token is invalid.' }),
    );
  });
});

describe('DeleteIdentities', () => {
  it("deletes the caller's identities with their logins and names each id it could not delete", async () => {
    const { cognito, pool, remove, listAll } = setup();
    const alice = linkUser(cognito, pool, 'alice');
    const bob = linkUser(cognito, pool, 'bob');
    const unknown = 'us-east-1:00000000-0000-0000-0000-000000000000';
    expect(remove({ IdentityIdsToDelete: [alice, unknown, alice] }, callContext())).toEqual({
      UnprocessedIdentityIds: [
        { IdentityId: unknown, ErrorCode: 'AccessDenied' },
        { IdentityId: alice, ErrorCode: 'AccessDenied' },
      ],
    });
    expect(await listAll()).toEqual([bob]);
    expect(
      cognito.identities.findByLogin({ poolSeq: pool.seq, provider: developerProvider, login: 'alice' }),
    ).toBeUndefined();
  });

  it("does not delete another account's identities", async () => {
    const { cognito, pool, remove, listAll } = setup();
    const alice = linkUser(cognito, pool, 'alice');
    expect(remove({ IdentityIdsToDelete: [alice] }, callContext({ accountId: '111111111111' }))).toEqual({
      UnprocessedIdentityIds: [{ IdentityId: alice, ErrorCode: 'AccessDenied' }],
    });
    expect(await listAll()).toEqual([alice]);
  });
});
