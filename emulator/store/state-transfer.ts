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
      tables[table] = rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([column, value]) => [column, encodeCell(value)])),
      );
    }
  });
  return {
    format: 'idpool-state',
    formatVersion: 1,
    exportedAt: options.now.toISOString(),
    schemaVersions: db.schemaVersions(),
    includesSecrets: options.includeSecrets,
    tables,
  };
}

export class StateImportError extends Error {}

interface ColumnInfo {
  name: string;
  /** The declared affinity: INTEGER, TEXT, BLOB or REAL. */
  type: string;
  notNull: boolean;
}

function columnsOf(db: Database, table: string): Map<string, ColumnInfo> {
  const info = db.sql.prepare(`PRAGMA table_info("${table}")`);
  const rows = info.all() as { name: string; type: string; notnull: number }[];
  return new Map(
    rows.map((row) => [row.name, { name: row.name, type: row.type.toUpperCase(), notNull: row.notnull === 1 }]),
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** One cell of the export, checked against its column's declared type and decoded for SQLite. */
function importedCell(table: string, index: number, column: ColumnInfo, value: unknown): Cell {
  const where = `${table} row ${index + 1} column ${column.name}`;
  if (value === null) {
    if (column.notNull) throw new StateImportError(`${where} may not be null`);
    return null;
  }
  switch (column.type) {
    case 'TEXT':
      if (typeof value !== 'string') throw new StateImportError(`${where} must be a string, got ${describe(value)}`);
      return value;
    case 'INTEGER': {
      if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
      const tagged = value as { $bigint?: unknown };
      const digits = typeof tagged === 'object' && Object.keys(tagged).length === 1 ? tagged.$bigint : undefined;
      if (typeof digits === 'string' && /^-?\d{1,19}$/.test(digits)) return BigInt(digits);
      throw new StateImportError(`${where} must be an integer, got ${describe(value)}`);
    }
    case 'REAL':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      throw new StateImportError(`${where} must be a number, got ${describe(value)}`);
    case 'BLOB': {
      const tagged = value as { $base64?: unknown };
      const base64 = typeof tagged === 'object' && Object.keys(tagged).length === 1 ? tagged.$base64 : undefined;
      if (typeof base64 === 'string') return Buffer.from(base64, 'base64');
      throw new StateImportError(`${where} must be {"$base64": "…"}, got ${describe(value)}`);
    }
    default: {
      const decoded = typeof value === 'object' ? decodeCell(value) : value;
      if (decoded !== null && !['string', 'number', 'bigint'].includes(typeof decoded) && !Buffer.isBuffer(decoded)) {
        throw new StateImportError(`${where} must be a string, a number or null, got ${describe(value)}`);
      }
      return decoded as Cell;
    }
  }
}

/** The export's rows of one table, each checked: an object whose members are the table's columns, typed as they are. */
function importedRows(db: Database, table: string, rows: unknown): { columns: string[]; cells: Cell[] }[] {
  if (!Array.isArray(rows)) {
    throw new StateImportError(`tables.${table} must be an array of rows, got ${describe(rows)}`);
  }
  const columns = columnsOf(db, table);
  return rows.map((row: unknown, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new StateImportError(`${table} row ${index + 1} must be an object of column values, got ${describe(row)}`);
    }
    const names = Object.keys(row);
    if (names.length === 0) throw new StateImportError(`${table} row ${index + 1} has no columns`);
    const cells = names.map((name) => {
      const column = columns.get(name);
      if (!column) {
        const unknown = name.slice(0, 100);
        throw new StateImportError(`${table} row ${index + 1} has a column this idpool does not know: ${unknown}`);
      }
      return importedCell(table, index, column, (row as Record<string, unknown>)[name]);
    });
    return { columns: names, cells };
  });
}

/**
 * Replaces the tables named in the export with its rows, in one transaction (all or nothing). Every row is checked
 * first (shape, known columns, types); what SQLite itself refuses (a missing NOT NULL column, a duplicate key, a
 * broken foreign key) is a StateImportError too, so a bad export is always a clear 400, never a half-import.
 */
export function importState(db: Database, state: unknown): { tables: number; rows: number } {
  const exported = state as Partial<ExportedState>;
  if (
    exported === null ||
    typeof exported !== 'object' ||
    exported.format !== 'idpool-state' ||
    exported.formatVersion !== 1 ||
    typeof exported.tables !== 'object' ||
    exported.tables === null ||
    Array.isArray(exported.tables)
  ) {
    throw new StateImportError('not an idpool state export (format idpool-state, formatVersion 1)');
  }
  const current = db.schemaVersions();
  const declared = exported.schemaVersions ?? {};
  if (declared === null || typeof declared !== 'object' || Array.isArray(declared)) {
    throw new StateImportError('schemaVersions must be an object');
  }
  for (const [component, version] of Object.entries(declared)) {
    if (current[component] !== version) {
      throw new StateImportError(
        `the export's ${component.slice(0, 100)} schema is version ${String(version).slice(0, 20)}, ` +
          `this idpool's is ${current[component] ?? 'absent'}: export and import with the same idpool version`,
      );
    }
  }
  const known = new Set(db.tableNames());
  const tables = Object.entries(exported.tables);
  for (const [table] of tables) {
    if (known.has(table)) continue;
    throw new StateImportError(`the export has a table this idpool does not know: ${table.slice(0, 100)}`);
  }
  const checked = tables.map(([table, rows]) => [table, importedRows(db, table, rows)] as const);
  let count = 0;
  db.sql.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const [table] of [...checked].reverse()) db.sql.prepare(`DELETE FROM "${table}"`).run();
      const inserts = new Map<string, Statement<unknown[]>>();
      for (const [table, rows] of checked) {
        for (const [index, row] of rows.entries()) {
          const columns = row.columns.map((column) => `"${column}"`).join(', ');
          const sql = `INSERT INTO "${table}" (${columns}) VALUES (${row.columns.map(() => '?').join(', ')})`;
          let insert = inserts.get(sql);
          if (!insert) {
            insert = db.sql.prepare(sql);
            inserts.set(sql, insert);
          }
          try {
            insert.run(...row.cells);
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
              const reason = (error as Error).message;
              throw new StateImportError(`${table} row ${index + 1} is refused by the schema: ${reason}`);
            }
            throw error;
          }
          count++;
        }
      }
      const violations = db.sql.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0)
        throw new StateImportError(`the export's rows break ${violations.length} foreign key(s)`);
    });
  } finally {
    db.sql.pragma('foreign_keys = ON');
  }
  return { tables: tables.length, rows: count };
}
