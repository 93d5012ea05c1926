import { randomUUID } from 'node:crypto';
import { preparedOnFirstUse, type Database } from './database.js';
import { RowCache } from './row-cache.js';

export interface IdentityRecord {
  seq: number;
  identityId: string;
  poolSeq: number;
  poolId: string;
  accountId: string;
  createdAt: number;
  lastModifiedAt: number;
  /** An identity whose last login was unlinked: kept, but hidden by ListIdentities' HideDisabled. */
  disabled: boolean;
}

export interface IdentityListing extends IdentityRecord {
  /** The providers of the identity's linked logins. */
  providers: string[];
}

export interface LoginKey {
  poolSeq: number;
  provider: string;
  login: string;
}

export type LinkResult =
  | { kind: 'linked'; identityId: string; created: boolean }
  | { kind: 'identity-not-found' }
  | { kind: 'linked-elsewhere'; identityId: string };

interface IdentityRow {
  seq: number;
  identity_id: string;
  pool_seq: number;
  pool_id: string;
  account_id: string;
  created_at: number;
  last_modified_at: number;
  disabled: number;
  providers?: string;
}

function toIdentity(row: IdentityRow): IdentityRecord {
  return {
    seq: row.seq,
    identityId: row.identity_id,
    poolSeq: row.pool_seq,
    poolId: row.pool_id,
    accountId: row.account_id,
    createdAt: row.created_at,
    lastModifiedAt: row.last_modified_at,
    disabled: row.disabled === 1,
  };
}

const identityColumns =
  'i.seq, i.identity_id, i.pool_seq, p.pool_id, p.account_id, i.created_at, i.last_modified_at, i.disabled';
/** The providers of the identity's linked logins, as a JSON array. */
const providersColumn =
  '(SELECT json_group_array(DISTINCT l.provider) FROM cognito_logins l WHERE l.identity_seq = i.seq) AS providers';
const identityFrom = 'FROM cognito_identities i JOIN cognito_identity_pools p ON p.seq = i.pool_seq';

/**
 * Identities and their login links. Every lookup is indexed: an identity by id, a login by (pool, provider, login)
 * (unique: one login belongs to one identity), the logins of an identity by identity. Writes that check and then
 * change run inside one synchronous transaction, so concurrent first requests for one login create one identity.
 */
export class CognitoIdentities {
  private readonly statements;

  /** Identities by id, kept decoded (see RowCache); a pool's deletion takes its identities with it. */
  private readonly decoded: RowCache<IdentityRecord>;

  constructor(private readonly db: Database) {
    this.decoded = new RowCache(db, {
      capacity: 10_000,
      tables: ['cognito_identities', 'cognito_identity_pools'],
      keptByInserts: true,
    });
    const sql = db.sql;
    this.statements = preparedOnFirstUse({
      byId: () => sql.prepare(`SELECT ${identityColumns} ${identityFrom} WHERE i.identity_id = ?`),
      bySeq: () => sql.prepare(`SELECT ${identityColumns} ${identityFrom} WHERE i.seq = ?`),
      insert: () =>
        sql.prepare(
          'INSERT INTO cognito_identities (identity_id, pool_seq, created_at, last_modified_at) VALUES (?, ?, ?, ?)',
        ),
      touch: () => sql.prepare('UPDATE cognito_identities SET last_modified_at = ?, disabled = ? WHERE seq = ?'),
      delete: () => sql.prepare('DELETE FROM cognito_identities WHERE seq = ?'),
      // `LIMIT CAST(? AS INTEGER)`: see CognitoPools' page.
      page: () =>
        sql.prepare(
          `SELECT ${identityColumns}, ${providersColumn}
         FROM cognito_identities i JOIN cognito_identity_pools p ON p.seq = i.pool_seq
         WHERE i.pool_seq = ? AND i.seq > ? AND (? = 0 OR i.disabled = 0) ORDER BY i.seq LIMIT CAST(? AS INTEGER)`,
        ),
      owner: () =>
        sql
          .prepare('SELECT identity_seq FROM cognito_logins WHERE pool_seq = ? AND provider = ? AND login = ?')
          .pluck(),
      ownerId: () =>
        sql
          .prepare(
            'SELECT i.identity_id FROM cognito_logins l JOIN cognito_identities i ON i.seq = l.identity_seq ' +
              'WHERE l.pool_seq = ? AND l.provider = ? AND l.login = ?',
          )
          .pluck(),
      link: () =>
        sql.prepare('INSERT INTO cognito_logins (pool_seq, provider, login, identity_seq) VALUES (?, ?, ?, ?)'),
      unlink: () => sql.prepare('DELETE FROM cognito_logins WHERE pool_seq = ? AND provider = ? AND login = ?'),
      unlinkProvider: () => sql.prepare('DELETE FROM cognito_logins WHERE identity_seq = ? AND provider = ?'),
      move: () => sql.prepare('UPDATE cognito_logins SET identity_seq = ? WHERE identity_seq = ?'),
      countLogins: () => sql.prepare('SELECT count(*) FROM cognito_logins WHERE identity_seq = ?').pluck(),
      providers: () =>
        sql.prepare('SELECT DISTINCT provider FROM cognito_logins WHERE identity_seq = ? ORDER BY provider').pluck(),
      loginsPage: () =>
        sql
          .prepare(
            'SELECT login FROM cognito_logins WHERE identity_seq = ? AND provider = ? AND login > ? ' +
              'ORDER BY login LIMIT CAST(? AS INTEGER)',
          )
          .pluck(),
    });
  }

  /** The identity (frozen). */
  find(identityId: string): IdentityRecord | undefined {
    const cached = this.decoded.get(identityId);
    if (cached) return cached;
    const row = this.statements.byId.get(identityId) as IdentityRow | undefined;
    return row && this.decoded.remember(identityId, toIdentity(row));
  }

  /** The identity a login is linked to. */
  findByLogin(key: LoginKey): IdentityRecord | undefined {
    const seq = this.statements.owner.get(key.poolSeq, key.provider, key.login) as number | undefined;
    if (seq === undefined) return undefined;
    return toIdentity(this.statements.bySeq.get(seq) as IdentityRow);
  }

  /** A new identity without logins (an unauthenticated identity). */
  create(poolSeq: number, region: string, nowMs: number): string {
    const identityId = `${region}:${randomUUID()}`;
    this.statements.insert.run(identityId, poolSeq, nowMs, nowMs);
    return identityId;
  }

  /**
   * Resolves a login to its identity, creating the identity on first sight; with `identityId`, links the login to
   * that identity unless it already belongs to another.
   */
  link(key: LoginKey, region: string, nowMs: number, identityId?: string): LinkResult {
    // A login seen before needs one read, no transaction (this process runs one statement at a time).
    if (identityId === undefined) {
      const owner = this.statements.ownerId.get(key.poolSeq, key.provider, key.login) as string | undefined;
      if (owner !== undefined) return { kind: 'linked', identityId: owner, created: false };
    }
    return this.db.transaction((): LinkResult => {
      const ownerSeq = this.statements.owner.get(key.poolSeq, key.provider, key.login) as number | undefined;
      if (identityId !== undefined) {
        const target = this.find(identityId);
        if (!target || target.poolSeq !== key.poolSeq) return { kind: 'identity-not-found' };
        if (ownerSeq !== undefined) {
          return ownerSeq === target.seq
            ? { kind: 'linked', identityId, created: false }
            : {
                kind: 'linked-elsewhere',
                identityId: (this.statements.bySeq.get(ownerSeq) as IdentityRow).identity_id,
              };
        }
        this.statements.link.run(key.poolSeq, key.provider, key.login, target.seq);
        this.statements.touch.run(nowMs, 0, target.seq);
        return { kind: 'linked', identityId, created: false };
      }
      if (ownerSeq !== undefined)
        return {
          kind: 'linked',
          identityId: (this.statements.bySeq.get(ownerSeq) as IdentityRow).identity_id,
          created: false,
        };
      const created = `${region}:${randomUUID()}`;
      const seq = Number(this.statements.insert.run(created, key.poolSeq, nowMs, nowMs).lastInsertRowid);
      this.statements.link.run(key.poolSeq, key.provider, key.login, seq);
      return { kind: 'linked', identityId: created, created: true };
    });
  }

  /** Unlinks one login from the identity it belongs to; an identity left without logins becomes disabled. */
  unlink(key: LoginKey, identitySeq: number, nowMs: number): void {
    this.db.transaction(() => {
      this.statements.unlink.run(key.poolSeq, key.provider, key.login);
      this.afterLoginsRemoved(identitySeq, nowMs);
    });
  }

  /** Unlinks every login of these providers from the identity. */
  unlinkProviders(identitySeq: number, providers: string[], nowMs: number): void {
    this.db.transaction(() => {
      for (const provider of providers) this.statements.unlinkProvider.run(identitySeq, provider);
      this.afterLoginsRemoved(identitySeq, nowMs);
    });
  }

  /** Moves every login of the source identity onto the destination identity; the source is left disabled. */
  merge(sourceSeq: number, destinationSeq: number, nowMs: number): void {
    this.db.transaction(() => {
      this.statements.move.run(destinationSeq, sourceSeq);
      this.statements.touch.run(nowMs, 0, destinationSeq);
      this.statements.touch.run(nowMs, 1, sourceSeq);
    });
  }

  /**
   * Links many developer logins at once (each to a new identity unless already linked), in transactions of
   * `batchSize`: how `idpool seed identities` fills a pool with a million identities in seconds.
   */
  bulkLink(
    poolSeq: number,
    provider: string,
    logins: Iterable<string>,
    region: string,
    nowMs: number,
    batchSize = 20_000,
  ): number {
    let created = 0;
    let batch: string[] = [];
    const flush = this.db.sql.transaction((pending: string[]) => {
      for (const login of pending) {
        if (this.statements.owner.get(poolSeq, provider, login) !== undefined) continue;
        const seq = Number(
          this.statements.insert.run(`${region}:${randomUUID()}`, poolSeq, nowMs, nowMs).lastInsertRowid,
        );
        this.statements.link.run(poolSeq, provider, login, seq);
        created++;
      }
    });
    for (const login of logins) {
      batch.push(login);
      if (batch.length >= batchSize) {
        flush(batch);
        batch = [];
      }
    }
    if (batch.length > 0) flush(batch);
    return created;
  }

  /** Deletes these identities with their login links, all or none. */
  delete(identitySeqs: readonly number[]): void {
    this.db.transaction(() => {
      for (const seq of identitySeqs) this.statements.delete.run(seq);
    });
  }

  loginCount(identitySeq: number): number {
    return this.statements.countLogins.get(identitySeq) as number;
  }

  providers(identitySeq: number): string[] {
    return this.statements.providers.all(identitySeq) as string[];
  }

  /** The identity's logins of one provider after `afterLogin`, in order, at most `limit`. */
  loginsPage(identitySeq: number, provider: string, afterLogin: string, limit: number): string[] {
    return this.statements.loginsPage.all(identitySeq, provider, afterLogin, limit) as string[];
  }

  /** The pool's identities after sequence number `afterSeq`, at most `limit`, with their login providers. */
  page(poolSeq: number, afterSeq: number, limit: number, hideDisabled: boolean): IdentityListing[] {
    return (this.statements.page.all(poolSeq, afterSeq, hideDisabled ? 1 : 0, limit) as IdentityRow[]).map((row) => ({
      ...toIdentity(row),
      providers: JSON.parse(row.providers ?? '[]') as string[],
    }));
  }

  private afterLoginsRemoved(identitySeq: number, nowMs: number): void {
    const remaining = this.statements.countLogins.get(identitySeq) as number;
    this.statements.touch.run(nowMs, remaining === 0 ? 1 : 0, identitySeq);
  }
}
