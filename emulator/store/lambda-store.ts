import { preparedOnFirstUse, type Database, type StoreComponent } from './database.js';
import { RowCache } from './row-cache.js';

/** A function's key: lambda_versions' foreign key into lambda_functions. */
const functionKeyColumns = 'account_id, region, name';

/**
 * Lambda functions ($LATEST and published versions), their deployment packages and resource policies. Packages
 * are stored once per content (keyed by CodeSha256) as BLOBs, so that code survives a restart with --data-dir.
 */
const lambdaSchema: StoreComponent = {
  name: 'lambda',
  migrations: [
    {
      version: 1,
      description: 'functions, published versions, deployment packages',
      up: `
        CREATE TABLE lambda_code (
          sha256 TEXT PRIMARY KEY,
          zip BLOB NOT NULL
        );
        CREATE TABLE lambda_functions (
          account_id TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          settings TEXT NOT NULL,
          code_sha256 TEXT NOT NULL REFERENCES lambda_code (sha256),
          code_size INTEGER NOT NULL,
          revision_id TEXT NOT NULL,
          last_modified INTEGER NOT NULL,
          policy TEXT,
          tags TEXT NOT NULL DEFAULT '{}',
          reserved_concurrency INTEGER,
          last_version INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (account_id, region, name)
        );
        CREATE TABLE lambda_versions (
          account_id TEXT NOT NULL,
          region TEXT NOT NULL,
          name TEXT NOT NULL,
          version INTEGER NOT NULL,
          settings TEXT NOT NULL,
          code_sha256 TEXT NOT NULL REFERENCES lambda_code (sha256),
          code_size INTEGER NOT NULL,
          revision_id TEXT NOT NULL,
          last_modified INTEGER NOT NULL,
          policy TEXT,
          PRIMARY KEY (account_id, region, name, version),
          FOREIGN KEY (${functionKeyColumns}) REFERENCES lambda_functions (${functionKeyColumns}) ON DELETE CASCADE
        );
      `,
    },
    {
      version: 2,
      description: 'the state transition (Pending, update InProgress) a function or version is in',
      up: `
        ALTER TABLE lambda_functions ADD COLUMN transition TEXT;
        ALTER TABLE lambda_versions ADD COLUMN transition TEXT;
      `,
    },
    {
      version: 3,
      description: "a resource policy's own RevisionId",
      up: `
        ALTER TABLE lambda_functions ADD COLUMN policy_revision_id TEXT;
        ALTER TABLE lambda_versions ADD COLUMN policy_revision_id TEXT;
      `,
    },
  ],
  resettableTables: ['lambda_versions', 'lambda_functions', 'lambda_code'],
};

/** What a function's configuration holds besides its code: what CreateFunction/UpdateFunctionConfiguration set. */
export interface FunctionSettings {
  runtime: string;
  role: string;
  handler: string;
  description: string;
  timeout: number;
  memorySize: number;
  environment?: Record<string, string>;
  architectures: string[];
  ephemeralStorageSize: number;
  logGroup?: string;
  /** On a version published with its own Description: the Description `$LATEST` had then. */
  publishedFromDescription?: string;
}

/** One statement of a function's resource policy, as GetPolicy shows it. */
export interface PolicyStatementRecord {
  Sid: string;
  Effect: 'Allow';
  Principal: '*' | { Service: string } | { AWS: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

/**
 * A function being created (State Pending) or updated (LastUpdateStatus InProgress) until `until` (emulator clock,
 * ms); while it lasts the configuration shows `revisionId`, afterwards the record's own.
 */
export interface TransitionRecord {
  kind: 'create' | 'update';
  until: number;
  revisionId: string;
}

/** `$LATEST` or a published version: the configuration a qualifier resolves to. */
export interface FunctionVersionRecord {
  accountId: string;
  region: string;
  name: string;
  /** `$LATEST` or the version number as a string. */
  version: string;
  settings: FunctionSettings;
  codeSha256: string;
  codeSize: number;
  revisionId: string;
  lastModified: number;
  policy: PolicyStatementRecord[];
  /** The policy's own RevisionId (GetPolicy's; AddPermission and RemovePermission check it). */
  policyRevisionId?: string;
  transition?: TransitionRecord;
}

export interface FunctionRecord extends FunctionVersionRecord {
  tags: Record<string, string>;
  reservedConcurrency: number | undefined;
  lastVersion: number;
}

interface VersionRow {
  account_id: string;
  region: string;
  name: string;
  settings: string;
  code_sha256: string;
  code_size: number;
  revision_id: string;
  last_modified: number;
  policy: string | null;
  policy_revision_id: string | null;
  transition: string | null;
}

interface FunctionRow extends VersionRow {
  tags: string;
  reserved_concurrency: number | null;
  last_version: number;
}

function toVersion(row: VersionRow, version: string): FunctionVersionRecord {
  return {
    accountId: row.account_id,
    region: row.region,
    name: row.name,
    version,
    settings: JSON.parse(row.settings) as FunctionSettings,
    codeSha256: row.code_sha256,
    codeSize: row.code_size,
    revisionId: row.revision_id,
    lastModified: row.last_modified,
    policy: row.policy ? (JSON.parse(row.policy) as PolicyStatementRecord[]) : [],
    ...(row.policy_revision_id ? { policyRevisionId: row.policy_revision_id } : {}),
    ...(row.transition ? { transition: JSON.parse(row.transition) as TransitionRecord } : {}),
  };
}

function toFunction(row: FunctionRow): FunctionRecord {
  return {
    ...toVersion(row, '$LATEST'),
    tags: JSON.parse(row.tags) as Record<string, string>,
    reservedConcurrency: row.reserved_concurrency ?? undefined,
    lastVersion: row.last_version,
  };
}

function policyText(policy: PolicyStatementRecord[]): string | null {
  return policy.length > 0 ? JSON.stringify(policy) : null;
}

export interface FunctionKey {
  accountId: string;
  region: string;
  name: string;
}

/** The columns a function version's row shares with `$LATEST`'s: key, settings, code, revision and transition. */
function versionColumns(record: FunctionVersionRecord) {
  return {
    ...keyOf(record),
    settings: JSON.stringify(record.settings),
    codeSha256: record.codeSha256,
    codeSize: record.codeSize,
    revisionId: record.revisionId,
    lastModified: record.lastModified,
    transition: record.transition ? JSON.stringify(record.transition) : null,
  };
}

/** A deployment package to keep: the zip, by its base64 SHA-256. */
export interface StoredCode {
  sha256: string;
  zip: Uint8Array;
}

/** The columns a new function's row is written with (insertFunction), and the parameters that fill them. */
const insertedFunctionColumns =
  'account_id, region, name, settings, code_sha256, code_size, revision_id, last_modified, tags, transition';
const insertedFunctionValues =
  '@accountId, @region, @name, @settings, @codeSha256, @codeSize, @revisionId, @lastModified, @tags, @transition';
/** The columns a version's row is written with (insertVersion), and the parameters that fill them. */
const insertedVersionColumns =
  'account_id, region, name, version, settings, code_sha256, code_size, revision_id, last_modified, policy, transition';
const insertedVersionValues =
  '@accountId, @region, @name, @version, @settings, @codeSha256, @codeSize, @revisionId, @lastModified, ' +
  '@policy, @transition';
const functionExtrasAssignments =
  'tags = @tags, reserved_concurrency = @reservedConcurrency, last_version = @lastVersion';

/**
 * The Lambda state. A change of several rows is one purpose-named method that opens its own transaction; the
 * checks before it run in the same synchronous turn, so no other request comes between them.
 */
export class LambdaStore {
  private readonly statements;
  /** Every invocation reads its function version: kept decoded (see RowCache). */
  private readonly records: RowCache<FunctionVersionRecord>;

  constructor(readonly db: Database) {
    db.install(lambdaSchema);
    this.records = new RowCache(db, {
      capacity: 1_000,
      tables: ['lambda_functions', 'lambda_versions'],
      keptByInserts: true,
    });
    const sql = db.sql;
    this.statements = preparedOnFirstUse({
      insertCode: () =>
        sql.prepare('INSERT INTO lambda_code (sha256, zip) VALUES (?, ?) ON CONFLICT(sha256) DO NOTHING'),
      code: () => sql.prepare('SELECT zip FROM lambda_code WHERE sha256 = ?').pluck(),
      deleteUnusedCode: () =>
        sql.prepare(`
        DELETE FROM lambda_code WHERE sha256 NOT IN (SELECT code_sha256 FROM lambda_functions)
          AND sha256 NOT IN (SELECT code_sha256 FROM lambda_versions)`),
      function: () => sql.prepare('SELECT * FROM lambda_functions WHERE account_id = ? AND region = ? AND name = ?'),
      functions: () => sql.prepare('SELECT * FROM lambda_functions WHERE account_id = ? AND region = ? ORDER BY name'),
      insertFunction: () =>
        sql.prepare(`
        INSERT INTO lambda_functions (${insertedFunctionColumns})
        VALUES (${insertedFunctionValues})`),
      updateFunction: () =>
        sql.prepare(`
        UPDATE lambda_functions SET settings = @settings, code_sha256 = @codeSha256, code_size = @codeSize,
          revision_id = @revisionId, last_modified = @lastModified, transition = @transition
        WHERE account_id = @accountId AND region = @region AND name = @name`),
      updateFunctionPolicy: () =>
        sql.prepare(
          'UPDATE lambda_functions SET policy = ?, policy_revision_id = ? ' +
            'WHERE account_id = ? AND region = ? AND name = ?',
        ),
      updateFunctionExtras: () =>
        sql.prepare(`
        UPDATE lambda_functions SET ${functionExtrasAssignments}
        WHERE account_id = @accountId AND region = @region AND name = @name`),
      deleteFunction: () =>
        sql.prepare('DELETE FROM lambda_functions WHERE account_id = ? AND region = ? AND name = ?'),
      version: () =>
        sql.prepare('SELECT * FROM lambda_versions WHERE account_id = ? AND region = ? AND name = ? AND version = ?'),
      versions: () =>
        sql.prepare('SELECT * FROM lambda_versions WHERE account_id = ? AND region = ? AND name = ? ORDER BY version'),
      insertVersion: () =>
        sql.prepare(`
        INSERT INTO lambda_versions (${insertedVersionColumns})
        VALUES (${insertedVersionValues})`),
      updateVersionPolicy: () =>
        sql.prepare(
          'UPDATE lambda_versions SET policy = ?, policy_revision_id = ? ' +
            'WHERE account_id = ? AND region = ? AND name = ? AND version = ?',
        ),
      deleteVersion: () =>
        sql.prepare('DELETE FROM lambda_versions WHERE account_id = ? AND region = ? AND name = ? AND version = ?'),
      accountUsage: () =>
        sql.prepare(`
        SELECT COUNT(*) AS functionCount, COALESCE(SUM(code_size), 0) AS totalCodeSize,
          COALESCE(SUM(reserved_concurrency), 0) AS reserved
        FROM lambda_functions WHERE account_id = ? AND region = ?`),
      versionsCodeSize: () =>
        sql
          .prepare('SELECT COALESCE(SUM(code_size), 0) FROM lambda_versions WHERE account_id = ? AND region = ?')
          .pluck(),
    });
  }

  putCode(sha256: string, zip: Uint8Array): void {
    this.statements.insertCode.run(sha256, zip);
  }

  code(sha256: string): Buffer | undefined {
    return this.statements.code.get(sha256) as Buffer | undefined;
  }

  /** Forgets packages no function or version uses any more. */
  deleteUnusedCode(): void {
    this.statements.deleteUnusedCode.run();
  }

  /** The function (frozen, unless read inside a transaction). */
  findFunction(key: FunctionKey): FunctionRecord | undefined {
    const cacheKey = `${key.accountId}\n${key.region}\n${key.name}\n$LATEST`;
    const cached = this.records.get(cacheKey) as FunctionRecord | undefined;
    if (cached) return cached;
    const row = this.statements.function.get(key.accountId, key.region, key.name) as FunctionRow | undefined;
    return row && (this.records.remember(cacheKey, toFunction(row)) as FunctionRecord);
  }

  /** `$LATEST` (the function itself) or a published version (frozen, unless read inside a transaction). */
  findVersion(key: FunctionKey, version: string): FunctionVersionRecord | undefined {
    if (version === '$LATEST') return this.findFunction(key);
    if (!/^[1-9]\d*$/.test(version)) return undefined;
    const cacheKey = `${key.accountId}\n${key.region}\n${key.name}\n${version}`;
    const cached = this.records.get(cacheKey);
    if (cached) return cached;
    const row = this.statements.version.get(key.accountId, key.region, key.name, Number(version)) as
      | VersionRow
      | undefined;
    return row && this.records.remember(cacheKey, toVersion(row, version));
  }

  versions(key: FunctionKey): FunctionVersionRecord[] {
    return (
      this.statements.versions.all(key.accountId, key.region, key.name) as (VersionRow & { version: number })[]
    ).map((row) => toVersion(row, String(row.version)));
  }

  /** The functions of a region, in name order. */
  listFunctions(accountId: string, region: string): FunctionRecord[] {
    return (this.statements.functions.all(accountId, region) as FunctionRow[]).map(toFunction);
  }

  /** CreateFunction: the package, the function and (with Publish) its first version, all or none. */
  createFunction(record: FunctionRecord, code: StoredCode, firstVersion?: FunctionVersionRecord): void {
    this.db.transaction(() => {
      this.putCode(code.sha256, code.zip);
      this.insertFunction(record);
      if (firstVersion) this.insertVersion(firstVersion);
    });
  }

  /**
   * UpdateFunctionCode: the new package and `$LATEST` (with Publish also the new version and the function's
   * version counter), the packages nothing uses any more gone.
   */
  updateFunctionCode(updated: FunctionRecord, code: StoredCode, newVersion?: FunctionVersionRecord): void {
    this.db.transaction(() => {
      this.putCode(code.sha256, code.zip);
      this.saveFunction(updated);
      this.deleteUnusedCode();
      if (newVersion) {
        this.insertVersion(newVersion);
        this.saveFunctionExtras(updated);
      }
    });
  }

  /** PublishVersion: the new version, and `$LATEST` with its new RevisionId and version counter. */
  publishVersion(fn: FunctionRecord, version: FunctionVersionRecord): void {
    this.db.transaction(() => {
      this.insertVersion(version);
      this.saveFunctionExtras(fn);
      this.saveFunction(fn);
    });
  }

  /** TagResource, UntagResource: the function's tags and its new RevisionId. */
  saveTags(fn: FunctionRecord): void {
    this.db.transaction(() => {
      this.saveFunction(fn);
      this.saveFunctionExtras(fn);
    });
  }

  insertFunction(record: FunctionRecord): void {
    this.statements.insertFunction.run({ ...versionColumns(record), tags: JSON.stringify(record.tags) });
    this.saveFunctionExtras(record);
  }

  /** Saves `$LATEST`'s settings, code, revision and transition. */
  saveFunction(record: FunctionVersionRecord): void {
    this.statements.updateFunction.run(versionColumns(record));
  }

  /** Saves tags, reserved concurrency and the last published version number. */
  saveFunctionExtras(record: FunctionRecord): void {
    this.statements.updateFunctionExtras.run({
      ...keyOf(record),
      tags: JSON.stringify(record.tags),
      reservedConcurrency: record.reservedConcurrency ?? null,
      lastVersion: record.lastVersion,
    });
  }

  insertVersion(record: FunctionVersionRecord): void {
    this.statements.insertVersion.run({
      ...versionColumns(record),
      version: Number(record.version),
      policy: policyText(record.policy),
    });
  }

  /** Saves the policy (and its revision) of `$LATEST` or of a published version. */
  savePolicy(record: FunctionVersionRecord): void {
    const revision = record.policyRevisionId ?? null;
    if (record.version === '$LATEST')
      this.statements.updateFunctionPolicy.run(
        policyText(record.policy),
        revision,
        record.accountId,
        record.region,
        record.name,
      );
    else
      this.statements.updateVersionPolicy.run(
        policyText(record.policy),
        revision,
        record.accountId,
        record.region,
        record.name,
        Number(record.version),
      );
  }

  /** The function with its versions, and the packages only they used. */
  deleteFunction(key: FunctionKey): void {
    this.db.transaction(() => {
      this.statements.deleteFunction.run(key.accountId, key.region, key.name);
      this.deleteUnusedCode();
    });
  }

  /** A published version, and its package if nothing else uses it. */
  deleteVersion(key: FunctionKey, version: string): void {
    this.db.transaction(() => {
      this.statements.deleteVersion.run(key.accountId, key.region, key.name, Number(version));
      this.deleteUnusedCode();
    });
  }

  accountUsage(
    accountId: string,
    region: string,
  ): { functionCount: number; totalCodeSize: number; reservedConcurrency: number } {
    const row = this.statements.accountUsage.get(accountId, region) as {
      functionCount: number;
      totalCodeSize: number;
      reserved: number;
    };
    const versionsSize = this.statements.versionsCodeSize.get(accountId, region) as number;
    return {
      functionCount: row.functionCount,
      totalCodeSize: row.totalCodeSize + versionsSize,
      reservedConcurrency: row.reserved,
    };
  }
}

function keyOf(key: FunctionKey): FunctionKey {
  return { accountId: key.accountId, region: key.region, name: key.name };
}
