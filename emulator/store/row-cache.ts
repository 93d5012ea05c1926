import type { Statement } from 'better-sqlite3';
import type { Database } from './database.js';

/**
 * Decoded records of a store kept by key, for the reads every call makes (its pool, its identity, its role): no
 * SQLite step and no JSON decoding on a hit. Kept records are frozen, since every caller shares them. The cache is
 * emptied whenever a statement that may change or remove rows runs (see `emptiedByWrites`), and when the state is
 * reset or imported.
 */
export class RowCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly db: Database,
    private readonly capacity: number,
  ) {
    db.onStateReplaced(() => this.clear());
  }

  /** Inside a transaction nothing is answered from the cache: the transaction reads its own, changeable copy. */
  get(key: string): V | undefined {
    return this.db.sql.inTransaction ? undefined : this.entries.get(key);
  }

  /**
   * Keeps the record, frozen, and answers it. Inside a transaction it is answered as read, neither kept (the
   * transaction may still be rolled back) nor frozen (a check-then-write may change its copy before saving it).
   */
  remember(key: string, record: V): V {
    if (this.db.sql.inTransaction) return record;
    deepFreeze(record);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, record);
    return record;
  }

  clear(): void {
    this.entries.clear();
  }
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** A plain `INSERT INTO … VALUES` only adds rows: a record cached by its key stays true. */
function onlyAddsRows(source: string): boolean {
  return /^\s*INSERT\s+INTO\b/i.test(source) && !/\bON\s+CONFLICT\b/i.test(source);
}

/**
 * Makes every statement of a store that writes empty `caches` before it runs. With `keptByInserts` (caches of
 * records by key, never of lists), a plain insert leaves them: only UPDATE, DELETE and upserts empty them.
 */
export function emptiedByWrites<T extends object>(statements: T, caches: { clear(): void }[], options: { keptByInserts: boolean }): T {
  for (const statement of Object.values(statements) as Statement<unknown[]>[]) {
    if (statement.reader || (options.keptByInserts && onlyAddsRows(statement.source))) continue;
    const run = statement.run;
    statement.run = function (this: Statement<unknown[]>, ...parameters: unknown[]) {
      for (const cache of caches) cache.clear();
      return run.apply(this, parameters);
    } as typeof statement.run;
  }
  return statements;
}
