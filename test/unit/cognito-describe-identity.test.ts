import { describe, expect, it } from 'vitest';
import { describeIdentity } from '../../emulator/services/cognito-identity/describe-identity.js';
import { CognitoStore } from '../../emulator/store/cognito-store.js';
import { Database } from '../../emulator/store/database.js';
import { callContext } from '../support/call-context.js';

// An operation called directly over the one service it declares: a real store on an in-memory database, no HTTP.
function poolWithIdentity() {
  const cognito = new CognitoStore(Database.open());
  const created = Date.parse('2026-01-01T00:00:00Z');
  const pool = cognito.pools.create(
    {
      poolId: 'us-east-1:11111111-1111-1111-1111-111111111111',
      accountId: '000000000000',
      region: 'us-east-1',
      createdAt: created,
      tags: {},
    },
    {
      name: 'pool',
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: undefined,
      developerProviderName: 'login.example',
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      cognitoIdentityProviders: [],
      samlProviderArns: [],
    },
  );
  const link = cognito.identities.link(
    { poolSeq: pool.seq, provider: 'login.example', login: 'alice' },
    'us-east-1',
    created,
  );
  if (link.kind !== 'linked') throw new Error(`could not link: ${link.kind}`);
  return { cognito, identityId: link.identityId };
}

describe('DescribeIdentity, over its store alone', () => {
  it('answers the identity with the providers of its logins and its dates', () => {
    const { cognito, identityId } = poolWithIdentity();
    const handler = describeIdentity.build({ cognito });
    expect(describeIdentity.needs).toEqual(['cognito']);
    expect(handler({ IdentityId: identityId }, callContext())).toEqual({
      IdentityId: identityId,
      Logins: ['login.example'],
      CreationDate: new Date('2026-01-01T00:00:00Z'),
      LastModifiedDate: new Date('2026-01-01T00:00:00Z'),
    });
  });

  it("refuses an identity of another account's pool as not found", () => {
    const { cognito, identityId } = poolWithIdentity();
    expect(() =>
      describeIdentity.build({ cognito })({ IdentityId: identityId }, callContext({ accountId: '111111111111' })),
    ).toThrow(expect.objectContaining({ code: 'ResourceNotFoundException' }));
  });
});
