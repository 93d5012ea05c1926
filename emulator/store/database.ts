import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** One schema step of a store component. Steps run once, in order, each in its own transaction. */
interface Migration {
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

const databaseFileName = 'idpool.sqlite';
const lockFileName = 'idpool.lock';

/** The data dir is already in use: a second server would half-work (500s, refusing the other's tokens). */
class DataDirLocked extends Error {}

/** The database was written by a newer idpool: serving it with older code could corrupt it. */
class SchemaTooNew extends Error {}

/** Data dirs this process holds: a lock naming this pid is told apart from a stale one of an earlier process. */
const heldHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An exclusive lock on a data dir: `idpool.lock` created with O_EXCL, holding our pid. A lock whose pid is dead (a
 * `kill -9`, a crash) or is this very pid in a fresh process (a restarted container) is stale and taken over.
 * Returns the release function.
 */
function lockDataDir(dataDir: string): () => void {
  const key = realpathSync(dataDir);
  const lockPath = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(key);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(key);
        if (holderOf(lockPath) === process.pid) unlinkSync(lockPath);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(lockPath);
    const stale = holder === undefined ? false : holder === process.pid ? !heldHere.has(key) : !processAlive(holder);
    if (!stale) {
      const self = holder === process.pid ? ', this process' : '';
      const who = holder === undefined ? 'its lock file is being written' : `pid ${holder}${self}`;
      throw new DataDirLocked(
        `the data dir ${dataDir} is in use by another idpool (${who}): stop it first, or use another --data-dir. ` +
          `If no idpool runs there, remove ${lockPath}.`,
      );
    }
    try {
      unlinkSync(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DataDirLocked(`the data dir ${dataDir} is being locked by another idpool starting now: retry.`);
}

/** A cache of decoded rows (see RowCache), and the tables whose changes may make what it holds wrong. */
export interface TableWatcher {
  tables: readonly string[];
  /** A cache of records by key (not of lists) stays true when a plain insert only adds rows. */
  keptByInserts: boolean;
  clear(): void;
}

const writeStatement =
  /^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+["`[]?(\w+)/i;
const addingStatement = /^\s*INSERT\s+(?:OR\s+IGNORE\s+)?INTO\b/i;

/** The table a writing statement changes, and whether it can only add rows (a plain INSERT, or OR IGNORE). */
function writeTarget(source: string): { table: string | undefined; onlyAdds: boolean } {
  const onlyAdds = addingStatement.test(source) && !/\bDO\s+UPDATE\b/i.test(source);
  return { table: writeStatement.exec(source)?.[1]?.toLowerCase(), onlyAdds };
}

/**
 * A store's statements, each prepared when first used and then kept. A store prepares everything it may run, ~140
 * statements over all stores (~0.6 MiB of SQLite programs and a few milliseconds at every start); most calls use a
 * handful. test/unit/store-statements.test.ts prepares every one, so a broken statement still fails there.
 */
export function preparedOnFirstUse<T extends Record<string, () => unknown>>(
  makers: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const statements = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const name of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(statements, name, {
      configurable: true,
      enumerable: true,
      get() {
        const statement = makers[name]?.();
        Object.defineProperty(statements, name, { value: statement, enumerable: true });
        return statement;
      },
    });
  }
  return statements;
}

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
 * write survives the process being killed), else in memory, through the same store code. Every write on the
 * connection, whoever prepared it, empties the caches watching its table first (`exec` empties them all).
 */
export class Database {
  readonly sql: BetterSqlite3.Database;
  private readonly components: StoreComponent[] = [];
  /** better-sqlite3 builds a transaction function (and its variants) per call of `transaction()`: one serves all. */
  private readonly inTransaction: (work: () => unknown) => unknown;
  private readonly watchers: TableWatcher[] = [];

  private constructor(
    sql: BetterSqlite3.Database,
    readonly path: string | undefined,
    private readonly unlock: () => void = () => {},
  ) {
    this.sql = sql;
    this.inTransaction = sql.transaction((work: () => unknown) => work());
    const prepare = sql.prepare.bind(sql);
    sql.prepare = ((source: string) => this.watched(prepare(source), source)) as typeof sql.prepare;
    const exec = sql.exec.bind(sql);
    sql.exec = ((source: string) => {
      this.written(undefined, false);
      return exec(source);
    }) as typeof sql.exec;
  }

  /** Keeps `watcher` told of the writes to its tables. */
  watch(watcher: TableWatcher): void {
    this.watchers.push(watcher);
  }

  private watched<S extends BetterSqlite3.Statement<unknown[]>>(statement: S, source: string): S {
    if (statement.reader) return statement;
    const { table, onlyAdds } = writeTarget(source);
    const run = statement.run;
    const database = this;
    statement.run = function (this: S, ...parameters: unknown[]) {
      database.written(table, onlyAdds);
      return run.apply(this, parameters);
    } as S['run'];
    return statement;
  }

  /** `table` is about to change (undefined: any table may). */
  private written(table: string | undefined, onlyAdds: boolean): void {
    for (const watcher of this.watchers) {
      if (table !== undefined && (!watcher.tables.includes(table) || (onlyAdds && watcher.keptByInserts))) continue;
      watcher.clear();
    }
  }

  static open(dataDir?: string): Database {
    let sql: BetterSqlite3.Database;
    let path: string | undefined;
    let unlock = () => {};
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      unlock = lockDataDir(dataDir);
      path = join(dataDir, databaseFileName);
      try {
        sql = openSqlite(path);
        // Only the emulator's user reads the state (it holds signing keys and issued secrets), not Lambda workers.
        chmodSync(path, 0o600);
        sql.pragma('journal_mode = WAL');
        // NORMAL in WAL mode: a committed transaction is in the WAL before the call returns, so it survives the
        // process being killed at any moment (only an OS crash could lose the last ones).
        sql.pragma('synchronous = NORMAL');
      } catch (error) {
        unlock();
        throw error;
      }
    } else {
      sql = openSqlite(':memory:');
    }
    sql.pragma('foreign_keys = ON');
    sql.pragma('busy_timeout = 5000');
    sql.exec('CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)');
    return new Database(sql, path, unlock);
  }

  /** Brings a component's tables to its newest schema version. */
  install(component: StoreComponent): void {
    this.components.push(component);
    const row = this.sql.prepare('SELECT version FROM schema_versions WHERE component = ?').get(component.name) as
      | { version: number }
      | undefined;
    let current = row?.version ?? 0;
    const newest = Math.max(0, ...component.migrations.map((migration) => migration.version));
    if (current > newest) {
      this.close();
      throw new SchemaTooNew(
        `the database ${this.path ?? '(in memory)'} has idpool's ${component.name} schema at version ${current}, ` +
          `newer than this idpool knows (${newest}): a newer idpool wrote it. ` +
          'Run that idpool version, or start with another --data-dir.',
      );
    }
    for (const migration of [...component.migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      this.sql.transaction(() => {
        if (typeof migration.up === 'string') this.sql.exec(migration.up);
        else migration.up(this.sql);
        this.sql
          .prepare(
            'INSERT INTO schema_versions (component, version) VALUES (?, ?) ' +
              'ON CONFLICT(component) DO UPDATE SET version = excluded.version',
          )
          .run(component.name, migration.version);
      })();
      current = migration.version;
    }
  }

  schemaVersions(): Record<string, number> {
    const rows = this.sql.prepare('SELECT component, version FROM schema_versions').all() as {
      component: string;
      version: number;
    }[];
    return Object.fromEntries(rows.map((row) => [row.component, row.version]));
  }

  /** Runs `work` in one transaction (a savepoint inside another): all of it is committed, or none. */
  transaction<T>(work: () => T): T {
    return this.inTransaction(work) as T;
  }

  /** Empties every component's resettable tables. */
  reset(): void {
    this.sql.pragma('foreign_keys = OFF');
    try {
      this.transaction(() => {
        for (const component of this.components)
          for (const table of component.resettableTables) this.sql.exec(`DELETE FROM ${table}`);
        for (const component of this.components) component.afterReset?.(this.sql);
      });
    } finally {
      this.sql.pragma('foreign_keys = ON');
    }
  }

  /** Every component's tables, in the order they were installed (parents before children). */
  tableNames(): string[] {
    const rows = this.sql
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' " +
          "AND name != 'schema_versions' ORDER BY rowid",
      )
      .all() as { name: string }[];
    return rows.map((row) => row.name);
  }

  secretTables(): Set<string> {
    return new Set(this.components.flatMap((component) => component.secretTables ?? []));
  }

  close(): void {
    if (this.sql.open) this.sql.close();
    this.unlock();
  }
}
