import type { Statement } from 'better-sqlite3';
import type { Database } from './database.js';
import type { ExportedState } from './exported-state.js';

type Cell = string | number | bigint | Buffer | null;

function encodeCell(value: Cell): unknown {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  return value;
}

function decodeCell(value: unknown): Cell {
  if (value && typeof value === 'object') {
    const tagged = value as { $base64?: string; $bigint?: string };
    if (typeof tagged.$base64 === 'string') return Buffer.from(tagged.$base64, 'base64');
    if (typeof tagged.$bigint === 'string') return BigInt(tagged.$bigint);
  }
  return value as Cell;
}

/**
 * Reads every table into JSON. Without `includeSecrets`, the tables holding secrets (token signing keys, issued
 * credentials) are left out: the importing emulator makes new keys, so earlier tokens and credentials won't verify.
 */
export function exportState(db: Database, options: { includeSecrets: boolean; now: Date }): ExportedState {
  const secret = db.secretTables();
  const tables: ExportedState['tables'] = {};
  db.transaction(() => {
    for (const table of db.tableNames()) {
      if (!options.includeSecrets && secret.has(table)) continue;
      const rows = db.sql.prepare(`SELECT * FROM "${table}"`).all() as Record<string, Cell>[];
      tables[table] = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, encodeCell(value)])));
    }
  });
  return { format: 'idpool-state', formatVersion: 1, exportedAt: options.now.toISOString(), schemaVersions: db.schemaVersions(), includesSecrets: options.includeSecrets, tables };
}

export class StateImportError extends Error {}

/** Replaces the tables named in the export with its rows, in one transaction (all or nothing). */
export function importState(db: Database, state: unknown): { tables: number; rows: number } {
  const exported = state as Partial<ExportedState>;
  if (exported?.format !== 'idpool-state' || exported.formatVersion !== 1 || typeof exported.tables !== 'object' || exported.tables === null) {
    throw new StateImportError('not an idpool state export (format idpool-state, formatVersion 1)');
  }
  const current = db.schemaVersions();
  for (const [component, version] of Object.entries(exported.schemaVersions ?? {})) {
    if (current[component] !== version) {
      throw new StateImportError(`the export's ${component} schema is version ${version}, this idpool's is ${current[component] ?? 'absent'}: export and import with the same idpool version`);
    }
  }
  const known = new Set(db.tableNames());
  const tables = Object.entries(exported.tables);
  for (const [table] of tables) if (!known.has(table)) throw new StateImportError(`the export has a table this idpool does not know: ${table}`);
  let rows = 0;
  db.sql.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const [table] of [...tables].reverse()) db.sql.prepare(`DELETE FROM "${table}"`).run();
      const inserts = new Map<string, Statement<unknown[]>>();
      for (const [table, tableRows] of tables) {
        for (const row of tableRows) {
          const columns = Object.keys(row);
          const sql = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
          let insert = inserts.get(sql);
          if (!insert) {
            insert = db.sql.prepare(sql);
            inserts.set(sql, insert);
          }
          insert.run(...columns.map((column) => decodeCell(row[column])));
          rows++;
        }
      }
      const violations = db.sql.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new StateImportError(`the export's rows break ${violations.length} foreign key(s)`);
    });
  } finally {
    db.sql.pragma('foreign_keys = ON');
    db.stateReplaced();
  }
  return { tables: tables.length, rows };
}
