/** A whole emulator state as portable JSON (`idpool state export` / `import`). */
export interface ExportedState {
  format: 'idpool-state';
  formatVersion: 1;
  exportedAt: string;
  /** Schema version of each store component; an import needs the same versions. */
  schemaVersions: Record<string, number>;
  includesSecrets: boolean;
  tables: Record<string, Record<string, unknown>[]>;
}
