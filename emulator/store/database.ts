import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** One schema step of a store component. Steps run once, in order, each in its own transaction. */
export interface Migration {
  version: number;
  description: string;
  up: string | ((db: BetterSqlite3.Database) => void);
}

/** A part of the state (a service's tables) with its own versioned schema. */
export interface StoreComponent {
  name: string;
  migrations: Migration[];
  /** Tables emptied by `POST /_idpool/reset`. */
  resettableTables: string[];
  /** Tables holding secrets (private keys, secret access keys): exported only when asked. */
  secretTables?: string[];
  /** Writes back, in the reset's transaction, what a reset must not lose (IAM's AWS managed policies). */
  afterReset?: (db: BetterSqlite3.Database) => void;
}

export const databaseFileName = 'idpool.sqlite';

/**
 * better-sqlite3's native binding loads on first use: missing (installed with --ignore-scripts, a failed build) or
 * built for another Node.js, it fails with a message that does not say how to fix it.
 */
function openSqlite(filename: string): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(filename);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/bindings file|NODE_MODULE_VERSION|better_sqlite3\.node/.test(message)) throw error;
    const fix = 'build it with `npm rebuild better-sqlite3`';
    const why = message.split('\n')[0];
    const binding = `SQLite's native binding (better-sqlite3) cannot be loaded on Node.js ${process.version}`;
    throw new Error(`${binding}: ${fix} (${why})`, { cause: error });
  }
}

/**
 * All emulator state lives in SQLite through better-sqlite3: on disk under `--data-dir` (WAL, so a committed
 * write survives the process being killed), else in memory, through the same store code.
 */
export class Database {
  readonly sql: BetterSqlite3.Database;
  private readonly components: StoreComponent[] = [];

  private constructor(sql: BetterSqlite3.Database, readonly path: string | undefined) {
    this.sql = sql;
  }

  static open(dataDir?: string): Database {
    let sql: BetterSqlite3.Database;
    let path: string | undefined;
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      path = join(dataDir, databaseFileName);
      sql = openSqlite(path);
      sql.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a committed transaction is in the WAL before the call returns, so it survives the
      // process being killed at any moment (only an OS crash could lose the last ones).
      sql.pragma('synchronous = NORMAL');
    } else {
      sql = openSqlite(':memory:');
    }
    sql.pragma('foreign_keys = ON');
    sql.pragma('busy_timeout = 5000');
    sql.exec('CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    return new Database(sql, path);
  }

  /** Brings a component's tables to its newest schema version. */
  install(component: StoreComponent): void {
    this.components.push(component);
    const row = this.sql.prepare('SELECT version FROM schema_versions WHERE component = ?').get(component.name) as { version: number } | undefined;
    let current = row?.version ?? 0;
    for (const migration of [...component.migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      this.sql.transaction(() => {
        if (typeof migration.up === 'string') this.sql.exec(migration.up);
        else migration.up(this.sql);
        this.sql
          .prepare('INSERT INTO schema_versions (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version')
          .run(component.name, migration.version);
      })();
      current = migration.version;
    }
  }

  schemaVersions(): Record<string, number> {
    const rows = this.sql.prepare('SELECT component, version FROM schema_versions').all() as { component: string; version: number }[];
    return Object.fromEntries(rows.map((row) => [row.component, row.version]));
  }

  transaction<T>(work: () => T): T {
    return this.sql.transaction(work)();
  }

  /** Empties every component's resettable tables. */
  reset(): void {
    this.sql.pragma('foreign_keys = OFF');
    try {
      this.transaction(() => {
        for (const component of this.components) for (const table of component.resettableTables) this.sql.exec(`DELETE FROM ${table}`);
        for (const component of this.components) component.afterReset?.(this.sql);
      });
    } finally {
      this.sql.pragma('foreign_keys = ON');
    }
  }

  /** Every component's tables, in the order they were installed (parents before children). */
  tableNames(): string[] {
    const rows = this.sql.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_versions' ORDER BY rowid").all() as { name: string }[];
    return rows.map((row) => row.name);
  }

  secretTables(): Set<string> {
    return new Set(this.components.flatMap((component) => component.secretTables ?? []));
  }

  close(): void {
    if (this.sql.open) this.sql.close();
  }
}
