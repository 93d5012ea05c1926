import type BetterSqlite3 from 'better-sqlite3';
import { preparedOnFirstUse, type Database } from './database.js';

/** An identity as the console lists it, with its linked logins. */
export interface ConsoleIdentity {
  seq: number;
  identityId: string;
  createdAt: number;
  lastModifiedAt: number;
  disabled: boolean;
  logins: { provider: string; userIdentifier: string }[];
}

interface IdentityRow {
  seq: number;
  identity_id: string;
  created_at: number;
  last_modified_at: number;
  disabled: number;
}

/** The next identity-id prefix range's end: every text starting with `prefix` sorts below it. */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/**
 * The console's reads over the state, every one a keyset page on an index (never OFFSET, never a scan of a pool):
 * a pool's identities by sequence, by exact or prefix identity id (the unique `identity_id` index), by exact or prefix
 * login (the logins' primary key, one provider at a time); roles, pools, APIs and functions by their keys.
 */
export class ConsoleQueries {
  private readonly statements: Record<string, BetterSqlite3.Statement>;

  constructor(db: Database) {
    const sql = db.sql;
    const identity = 'seq, identity_id, created_at, last_modified_at, disabled';
    const byLogin =
      'SELECT l.login, i.seq, i.identity_id, i.created_at, i.last_modified_at, i.disabled FROM cognito_logins l ' +
      'JOIN cognito_identities i ON i.seq = l.identity_seq WHERE l.pool_seq = ? AND l.provider = ? AND';
    // `LIMIT CAST(? AS INTEGER)`: see CognitoPools' page. `+pool_seq`: an id range must be read on the id index,
    // not as a scan of the pool's (pool, seq) index that SQLite would otherwise prefer.
    this.statements = preparedOnFirstUse({
      poolSeqs: () =>
        sql.prepare(
          'SELECT seq, pool_id FROM cognito_identity_pools WHERE seq > ? ORDER BY seq LIMIT CAST(? AS INTEGER)',
        ),
      poolCount: () => sql.prepare('SELECT count(*) FROM cognito_identity_pools').pluck(),
      identityCount: () => sql.prepare('SELECT count(*) FROM cognito_identities WHERE pool_seq = ?').pluck(),
      identities: () =>
        sql.prepare(
          `SELECT ${identity} FROM cognito_identities WHERE pool_seq = ? AND seq > ? ` +
            'ORDER BY seq LIMIT CAST(? AS INTEGER)',
        ),
      identityById: () =>
        sql.prepare(`SELECT ${identity} FROM cognito_identities WHERE identity_id = ? AND pool_seq = ?`),
      identitiesFromId: () =>
        sql.prepare(
          `SELECT ${identity} FROM cognito_identities WHERE identity_id >= ? AND identity_id < ? AND +pool_seq = ? ` +
            'ORDER BY identity_id LIMIT CAST(? AS INTEGER)',
        ),
      identitiesAfterId: () =>
        sql.prepare(
          `SELECT ${identity} FROM cognito_identities WHERE identity_id > ? AND identity_id < ? AND +pool_seq = ? ` +
            'ORDER BY identity_id LIMIT CAST(? AS INTEGER)',
        ),
      nextProvider: () =>
        sql.prepare('SELECT min(provider) FROM cognito_logins WHERE pool_seq = ? AND provider > ?').pluck(),
      loginExact: () => sql.prepare(`${byLogin} l.login = ?`),
      loginsFrom: () =>
        sql.prepare(`${byLogin} l.login >= ? AND l.login < ? ORDER BY l.login LIMIT CAST(? AS INTEGER)`),
      loginsAfter: () =>
        sql.prepare(`${byLogin} l.login > ? AND l.login < ? ORDER BY l.login LIMIT CAST(? AS INTEGER)`),
      loginsOf: () =>
        sql.prepare(
          'SELECT provider, login FROM cognito_logins WHERE identity_seq = ? ORDER BY provider, login LIMIT 100',
        ),
      identity: () =>
        sql.prepare(
          `SELECT i.seq, i.identity_id, i.created_at, i.last_modified_at, i.disabled, p.pool_id
         FROM cognito_identities i JOIN cognito_identity_pools p ON p.seq = i.pool_seq WHERE i.identity_id = ?`,
        ),
      roles: () =>
        sql
          .prepare(
            'SELECT role_name FROM iam_roles WHERE account_id = ? AND role_name > ? ' +
              'ORDER BY role_name LIMIT CAST(? AS INTEGER)',
          )
          .pluck(),
      roleCount: () => sql.prepare('SELECT count(*) FROM iam_roles').pluck(),
      poolsUsingRole: () =>
        sql.prepare(
          `SELECT p.pool_id, p.name, r.key AS used_as FROM cognito_identity_pools p, json_each(p.roles) r
         WHERE r.value = ? ORDER BY p.seq`,
        ),
      restApiCount: () => sql.prepare('SELECT count(*) FROM apigw_rest_apis').pluck(),
      restApis: () => sql.prepare('SELECT api_id FROM apigw_rest_apis ORDER BY created_at, api_id').pluck(),
      functionCount: () => sql.prepare('SELECT count(*) FROM lambda_functions').pluck(),
      functions: () =>
        sql.prepare('SELECT account_id, region, name FROM lambda_functions ORDER BY account_id, region, name'),
    });
  }

  private get(name: string): BetterSqlite3.Statement {
    return this.statements[name] as BetterSqlite3.Statement;
  }

  counts(): { identityPools: number; roles: number; restApis: number; functions: number } {
    return {
      identityPools: this.get('poolCount').get() as number,
      roles: this.get('roleCount').get() as number,
      restApis: this.get('restApiCount').get() as number,
      functions: this.get('functionCount').get() as number,
    };
  }

  /** Pool ids after sequence number `afterSeq`, in creation order. */
  poolPage(afterSeq: number, limit: number): { seq: number; poolId: string }[] {
    const rows = this.get('poolSeqs').all(afterSeq, limit) as { seq: number; pool_id: string }[];
    return rows.map((row) => ({ seq: row.seq, poolId: row.pool_id }));
  }

  identityCount(poolSeq: number): number {
    return this.get('identityCount').get(poolSeq) as number;
  }

  /** The pool's identities after sequence number `afterSeq`, in creation order. */
  identityPage(poolSeq: number, afterSeq: number, limit: number): ConsoleIdentity[] {
    return this.withLogins(this.get('identities').all(poolSeq, afterSeq, limit) as IdentityRow[]);
  }

  /** The pool's identity with exactly this id. */
  identityById(poolSeq: number, identityId: string): ConsoleIdentity[] {
    const row = this.get('identityById').get(identityId, poolSeq) as IdentityRow | undefined;
    return row ? this.withLogins([row]) : [];
  }

  /** The pool's identities whose id starts with `prefix`, after `afterId`, in id order. */
  identitiesByIdPrefix(poolSeq: number, prefix: string, afterId: string, limit: number): ConsoleIdentity[] {
    const rows = (
      afterId === ''
        ? this.get('identitiesFromId').all(prefix, prefixEnd(prefix), poolSeq, limit)
        : this.get('identitiesAfterId').all(afterId, prefixEnd(prefix), poolSeq, limit)
    ) as IdentityRow[];
    return this.withLogins(rows);
  }

  /** The providers that have logins in the pool, each found by one index seek. */
  providers(poolSeq: number): string[] {
    const providers: string[] = [];
    let provider = this.get('nextProvider').get(poolSeq, '') as string | null;
    while (provider !== null && providers.length < 100) {
      providers.push(provider);
      provider = this.get('nextProvider').get(poolSeq, provider) as string | null;
    }
    return providers;
  }

  /** The identities linked to a login of `provider` that is `prefix` exactly (`exact`) or starts with it. */
  identitiesByLogin(
    poolSeq: number,
    provider: string,
    prefix: string,
    options: { exact: boolean; afterLogin: string; limit: number },
  ): { login: string; identity: ConsoleIdentity }[] {
    type Row = IdentityRow & { login: string };
    let found: Row[];
    if (options.exact) found = this.get('loginExact').all(poolSeq, provider, prefix) as Row[];
    else if (options.afterLogin === '') {
      found = this.get('loginsFrom').all(poolSeq, provider, prefix, prefixEnd(prefix), options.limit) as Row[];
    } else {
      const after = options.afterLogin;
      found = this.get('loginsAfter').all(poolSeq, provider, after, prefixEnd(prefix), options.limit) as Row[];
    }
    const identities = this.withLogins(found);
    return found.map((row, index) => ({ login: row.login, identity: identities[index] as ConsoleIdentity }));
  }

  /** The identity with this id, in whatever pool. */
  identity(identityId: string): (ConsoleIdentity & { poolId: string }) | undefined {
    const row = this.get('identity').get(identityId) as (IdentityRow & { pool_id: string }) | undefined;
    if (!row) return undefined;
    return { ...(this.withLogins([row])[0] as ConsoleIdentity), poolId: row.pool_id };
  }

  /** The account's role names after `afterName` (compared without case, as IAM names are). */
  rolePage(accountId: string, afterName: string, limit: number): string[] {
    return this.get('roles').all(accountId, afterName, limit) as string[];
  }

  /** The pools that name this role ARN, and as which role. */
  poolsUsingRole(roleArn: string): { poolId: string; name: string; as: string }[] {
    const rows = this.get('poolsUsingRole').all(roleArn) as { pool_id: string; name: string; used_as: string }[];
    return rows.map((row) => ({ poolId: row.pool_id, name: row.name, as: row.used_as }));
  }

  restApiIds(): string[] {
    return this.get('restApis').all() as string[];
  }

  functionKeys(): { accountId: string; region: string; name: string }[] {
    const rows = this.get('functions').all() as { account_id: string; region: string; name: string }[];
    return rows.map((row) => ({ accountId: row.account_id, region: row.region, name: row.name }));
  }

  private withLogins(rows: IdentityRow[]): ConsoleIdentity[] {
    const logins = this.get('loginsOf');
    return rows.map((row) => ({
      seq: row.seq,
      identityId: row.identity_id,
      createdAt: row.created_at,
      lastModifiedAt: row.last_modified_at,
      disabled: row.disabled === 1,
      logins: (logins.all(row.seq) as { provider: string; login: string }[]).map((login) => ({
        provider: login.provider,
        userIdentifier: login.login,
      })),
    }));
  }
}
