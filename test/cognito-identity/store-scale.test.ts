import { describe, expect, it } from 'vitest';
import { CognitoStore } from '../../emulator/store/cognito-store.js';
import { Database } from '../../emulator/store/database.js';

/** The store must stay fast with a million identities in a pool: every read is an index search, never a scan. */
describe('the Cognito store at scale', () => {
  const db = Database.open();
  const store = new CognitoStore(db);
  const pool = store.pools.create(
    {
      poolId: 'us-east-1:11111111-1111-1111-1111-111111111111',
      accountId: '000000000000',
      region: 'us-east-1',
      createdAt: 0,
      tags: {},
    },
    {
      name: 'big',
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: undefined,
      developerProviderName: 'test.login',
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      cognitoIdentityProviders: [],
      samlProviderArns: [],
    },
  );
  const count = 20_000;
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const result = store.identities.link(
      { poolSeq: pool.seq, provider: 'test.login', login: `user-${index}` },
      'us-east-1',
      index,
    );
    if (result.kind === 'linked') ids.push(result.identityId);
  }

  it('pages from any position without reading what comes before', () => {
    const deep = store.identities.page(pool.seq, count - 50, 61, false);
    expect(deep.map((identity) => identity.identityId)).toEqual(ids.slice(count - 50));
    expect(deep[0]?.providers).toEqual(['test.login']);
  });

  it('answers every lookup through an index', () => {
    const plans = [
      [
        'SELECT identity_seq FROM cognito_logins WHERE pool_seq = ? AND provider = ? AND login = ?',
        [pool.seq, 'test.login', 'user-1'],
      ],
      ['SELECT * FROM cognito_identities WHERE identity_id = ?', [ids[5]]],
      [
        'SELECT * FROM cognito_identities i WHERE i.pool_seq = ? AND i.seq > ? ORDER BY i.seq LIMIT 61',
        [pool.seq, 100],
      ],
      [
        'SELECT login FROM cognito_logins WHERE identity_seq = ? AND provider = ? AND login > ? ' +
          'ORDER BY login LIMIT 61',
        [1, 'test.login', ''],
      ],
      ['SELECT count(*) FROM cognito_logins WHERE identity_seq = ?', [1]],
    ] as const;
    for (const [query, parameters] of plans) {
      const plan = db.sql.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...parameters) as { detail: string }[];
      const details = plan.map((row) => row.detail).join(' | ');
      expect(details, query).not.toMatch(/\bSCAN\b(?! .*USING (COVERING )?INDEX)/);
      expect(details, query).toMatch(/SEARCH|USING INTEGER PRIMARY KEY|USING (COVERING )?INDEX/);
    }
  });

  it('resolves an existing developer user to its identity', () => {
    const result = store.identities.link(
      { poolSeq: pool.seq, provider: 'test.login', login: 'user-12345' },
      'us-east-1',
      0,
    );
    expect(result).toEqual({ kind: 'linked', identityId: ids[12345], created: false });
  });
});
