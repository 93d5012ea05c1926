import BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredRequest } from './request-log.js';

/**
 * The request log's own SQLite file under `--data-dir`, apart from the state (`idpool.sqlite`): it is history, not
 * AWS state, so `state export`, `state import` and `POST /_idpool/reset` leave it alone, and its writes never wait
 * on the state's. A request is acknowledged before its entry is written (batched), so a `kill -9` may lose the
 * last fraction of a second of entries; nothing else.
 */
export const requestLogFileName = 'requests.sqlite';
const schemaVersion = 1;

export class RequestLogFile {
  readonly lastSeq: number;
  private readonly insert: BetterSqlite3.Statement;
  private readonly trim: BetterSqlite3.Statement;
  private readonly appendAll: (entries: StoredRequest[], capacity: number) => void;

  private constructor(private readonly sql: BetterSqlite3.Database) {
    this.lastSeq = (sql.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM requests').get() as { seq: number }).seq;
    this.insert = sql.prepare('INSERT OR REPLACE INTO requests (seq, entry) VALUES (?, ?)');
    this.trim = sql.prepare('DELETE FROM requests WHERE seq <= ?');
    this.appendAll = sql.transaction((entries: StoredRequest[], capacity: number) => {
      for (const entry of entries) this.insert.run(entry.seq, JSON.stringify({ ...entry, evaluation: undefined }));
      const last = entries[entries.length - 1];
      if (last) this.trim.run(last.seq - capacity);
    });
  }

  static open(dataDir: string): RequestLogFile {
    mkdirSync(dataDir, { recursive: true });
    const sql = new BetterSqlite3(join(dataDir, requestLogFileName));
    sql.pragma('journal_mode = WAL');
    // A lost entry costs nothing: let the OS decide when the WAL reaches the disk.
    sql.pragma('synchronous = OFF');
    if (sql.pragma('user_version', { simple: true }) !== schemaVersion) {
      sql.exec('DROP TABLE IF EXISTS requests');
      sql.exec('CREATE TABLE requests (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL)');
      sql.pragma(`user_version = ${schemaVersion}`);
    }
    return new RequestLogFile(sql);
  }

  /** The newest `capacity` entries, oldest first. */
  load(capacity: number): StoredRequest[] {
    return readEntries(this.sql, capacity);
  }

  append(entries: StoredRequest[], capacity: number): void {
    this.appendAll(entries, capacity);
  }

  clear(): void {
    this.sql.exec('DELETE FROM requests');
  }

  close(): void {
    if (this.sql.open) this.sql.close();
  }
}

function readEntries(sql: BetterSqlite3.Database, limit: number): StoredRequest[] {
  const rows = sql.prepare('SELECT entry FROM requests ORDER BY seq DESC LIMIT ?').all(limit) as { entry: string }[];
  return rows.reverse().map((row) => JSON.parse(row.entry) as StoredRequest);
}

/**
 * Reads the request log a data dir holds, whether or not an emulator is running on it (WAL lets a reader in).
 * Undefined when the folder has none.
 */
export function readRequestLogFile(dataDir: string, limit = Number.MAX_SAFE_INTEGER): StoredRequest[] | undefined {
  const path = join(dataDir, requestLogFileName);
  if (!existsSync(path)) return undefined;
  const sql = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  try {
    if (sql.pragma('user_version', { simple: true }) !== schemaVersion) return undefined;
    return readEntries(sql, limit);
  } finally {
    sql.close();
  }
}
