import { BoundedMap } from '../bounded-map.js';
import type { Database } from './database.js';

/**
 * Decoded records of a store kept by key, for the reads every call makes (its pool, its identity, its role): no
 * SQLite step and no JSON decoding on a hit. Kept records are frozen, since every caller shares them. The database
 * empties the cache before any write to the tables it names runs (a plain insert leaves a cache `keptByInserts`);
 * inside a transaction the cache is neither read nor filled.
 */
export class RowCache<V> {
  private readonly entries: BoundedMap<string, V>;

  constructor(
    private readonly db: Database,
    options: { capacity: number; tables: readonly string[]; keptByInserts: boolean },
  ) {
    this.entries = new BoundedMap(options.capacity);
    db.watch({ tables: options.tables, keptByInserts: options.keptByInserts, clear: () => this.entries.clear() });
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
    this.entries.set(key, record);
    return record;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
