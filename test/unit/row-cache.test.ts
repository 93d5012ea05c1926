import { describe, expect, it } from 'vitest';
import { exportState, importState } from '../../emulator/store/state-transfer.js';
import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { developerPool, linkUser } from '../support/cognito-pools.js';

const roleArn = 'arn:aws:iam::000000000000:role/reader';

function insertRole(db: Database, trust: string): void {
  db.sql
    .prepare(
      `INSERT INTO iam_roles
         (account_id, role_name, role_id, arn, path, assume_role_policy, max_session_duration, created_at)
       VALUES ('000000000000', 'reader', 'AROAREADER', ?, '/', ?, 3600, 0)`,
    )
    .run(roleArn, trust);
}

describe('the records stores keep decoded', () => {
  it('are the same frozen record until a write to their table, by a store or by any other statement', () => {
    const { cognito, pool } = developerPool();
    const first = cognito.pools.find(pool.poolId);
    expect(cognito.pools.find(pool.poolId)).toBe(first);
    expect(Object.isFrozen(first?.roles)).toBe(true);
    cognito.pools.setRoles(pool.poolId, { authenticated: roleArn }, {});
    expect(cognito.pools.find(pool.poolId)?.roles).toEqual({ authenticated: roleArn });

    const db = Database.open();
    const iam = new IamStore(db);
    insertRole(db, '{"v":1}');
    expect(iam.findRoleByArn(roleArn)?.assumeRolePolicy).toBe('{"v":1}');
    db.sql.prepare('UPDATE iam_roles SET assume_role_policy = \'{"v":2}\' WHERE arn = ?').run(roleArn);
    expect(iam.findRoleByArn(roleArn)?.assumeRolePolicy).toBe('{"v":2}');
    expect(iam.identityPolicyDocuments('000000000000', 'reader')).toEqual([]);
    db.sql
      .prepare(
        'INSERT INTO iam_role_policies (account_id, role_name, policy_name, document) ' +
          "VALUES ('000000000000', 'reader', 'p', '{}')",
      )
      .run();
    expect(iam.identityPolicyDocuments('000000000000', 'reader')).toEqual(['{}']);
  });

  it('keeps nothing a rolled-back transaction read or wrote, and hands a transaction its own copy', () => {
    const db = Database.open();
    const { cognito, pool } = developerPool({}, db);
    expect(() =>
      db.transaction(() => {
        cognito.pools.setRoles(pool.poolId, { authenticated: roleArn }, {});
        const inside = cognito.pools.find(pool.poolId);
        expect(inside?.roles).toEqual({ authenticated: roleArn });
        expect(Object.isFrozen(inside)).toBe(false);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(cognito.pools.find(pool.poolId)?.roles).toEqual({});
  });

  it('forgets the identities of a deleted pool, and everything on a reset or an import', () => {
    const { cognito, pool } = developerPool();
    const identityId = linkUser(cognito, pool, 'alice');
    expect(cognito.identities.find(identityId)?.poolId).toBe(pool.poolId);
    cognito.pools.delete(pool.poolId);
    expect(cognito.identities.find(identityId)).toBeUndefined();

    const db = Database.open();
    const iam = new IamStore(db);
    const empty = exportState(db, { includeSecrets: true, now: new Date(0) });
    insertRole(db, '{}');
    expect(iam.findRoleByArn(roleArn)).toBeDefined();
    importState(db, empty);
    expect(iam.findRoleByArn(roleArn)).toBeUndefined();
    insertRole(db, '{}');
    expect(iam.findRoleByArn(roleArn)).toBeDefined();
    db.reset();
    expect(iam.findRoleByArn(roleArn)).toBeUndefined();
  });
});
