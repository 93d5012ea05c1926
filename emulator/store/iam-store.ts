import { seedAwsManagedPolicies } from './aws-managed-policies.js';
import { preparedOnFirstUse, type Database, type StoreComponent } from './database.js';
import { RowCache } from './row-cache.js';

/** IAM roles with their trust and inline policies, customer managed policies (with versions) and attachments. */
const iamSchema: StoreComponent = {
  name: 'iam',
  migrations: [
    {
      version: 1,
      description: 'roles, inline role policies, managed policies and their versions, role attachments',
      up: `
        CREATE TABLE iam_roles (
          account_id TEXT NOT NULL,
          role_name TEXT NOT NULL COLLATE NOCASE,
          role_id TEXT NOT NULL UNIQUE,
          arn TEXT NOT NULL UNIQUE,
          path TEXT NOT NULL,
          assume_role_policy TEXT NOT NULL,
          description TEXT,
          max_session_duration INTEGER NOT NULL,
          permissions_boundary TEXT,
          tags TEXT NOT NULL DEFAULT '[]',
          created_at INTEGER NOT NULL,
          PRIMARY KEY (account_id, role_name)
        );
        CREATE TABLE iam_role_policies (
          account_id TEXT NOT NULL,
          role_name TEXT NOT NULL COLLATE NOCASE,
          policy_name TEXT NOT NULL,
          document TEXT NOT NULL,
          PRIMARY KEY (account_id, role_name, policy_name),
          FOREIGN KEY (account_id, role_name) REFERENCES iam_roles (account_id, role_name) ON DELETE CASCADE
        );
        CREATE TABLE iam_policies (
          arn TEXT PRIMARY KEY,
          account_id TEXT NOT NULL,
          policy_name TEXT NOT NULL,
          policy_id TEXT NOT NULL UNIQUE,
          path TEXT NOT NULL,
          description TEXT,
          default_version_id TEXT NOT NULL,
          tags TEXT NOT NULL DEFAULT '[]',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE iam_policy_versions (
          policy_arn TEXT NOT NULL REFERENCES iam_policies (arn) ON DELETE CASCADE,
          version_id TEXT NOT NULL,
          document TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (policy_arn, version_id)
        );
        CREATE TABLE iam_role_attachments (
          account_id TEXT NOT NULL,
          role_name TEXT NOT NULL COLLATE NOCASE,
          policy_arn TEXT NOT NULL,
          PRIMARY KEY (account_id, role_name, policy_arn),
          FOREIGN KEY (account_id, role_name) REFERENCES iam_roles (account_id, role_name) ON DELETE CASCADE
        );
      `,
    },
    {
      version: 2,
      description:
        'policy names unique per account whatever their case, version numbers never reused, ' +
        'attachment lookups by policy',
      up: `
        ALTER TABLE iam_policies ADD COLUMN next_version_number INTEGER NOT NULL DEFAULT 2;
        CREATE UNIQUE INDEX iam_policies_account_name ON iam_policies (account_id, policy_name COLLATE NOCASE);
        CREATE INDEX iam_role_attachments_policy ON iam_role_attachments (policy_arn, account_id);
      `,
    },
    {
      version: 3,
      description: 'the catalog of AWS managed policies (emulator/store/aws-managed-policies.ts)',
      up: seedAwsManagedPolicies,
    },
  ],
  resettableTables: ['iam_role_attachments', 'iam_policy_versions', 'iam_policies', 'iam_role_policies', 'iam_roles'],
  afterReset: seedAwsManagedPolicies,
};

export interface Tag {
  Key: string;
  Value: string;
}

export interface RoleRecord {
  accountId: string;
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  /** The trust policy, as the JSON text the caller gave. */
  assumeRolePolicy: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tag[];
  createdAt: number;
}

interface RoleRow {
  account_id: string;
  role_name: string;
  role_id: string;
  arn: string;
  path: string;
  assume_role_policy: string;
  description: string | null;
  max_session_duration: number;
  permissions_boundary: string | null;
  tags: string;
  created_at: number;
}

function toRole(row: RoleRow): RoleRecord {
  return {
    accountId: row.account_id,
    roleName: row.role_name,
    roleId: row.role_id,
    arn: row.arn,
    path: row.path,
    assumeRolePolicy: row.assume_role_policy,
    description: row.description ?? undefined,
    maxSessionDuration: row.max_session_duration,
    permissionsBoundary: row.permissions_boundary ?? undefined,
    tags: JSON.parse(row.tags) as Tag[],
    createdAt: row.created_at,
  };
}

export interface PolicyRecord {
  arn: string;
  /** The owning account, or `aws` for AWS managed policies. */
  accountId: string;
  policyName: string;
  policyId: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  tags: Tag[];
  createdAt: number;
  updatedAt: number;
  /** The number of the next version CreatePolicyVersion makes: IAM never reuses a version id. */
  nextVersionNumber: number;
}

interface PolicyRow {
  arn: string;
  account_id: string;
  policy_name: string;
  policy_id: string;
  path: string;
  description: string | null;
  default_version_id: string;
  tags: string;
  created_at: number;
  updated_at: number;
  next_version_number: number;
}

function toPolicy(row: PolicyRow): PolicyRecord {
  return {
    arn: row.arn,
    accountId: row.account_id,
    policyName: row.policy_name,
    policyId: row.policy_id,
    path: row.path,
    description: row.description ?? undefined,
    defaultVersionId: row.default_version_id,
    tags: JSON.parse(row.tags) as Tag[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextVersionNumber: row.next_version_number,
  };
}

export interface PolicyVersionRecord {
  policyArn: string;
  versionId: string;
  /** The policy document, as the JSON text the caller gave. */
  document: string;
  createdAt: number;
}

interface PolicyVersionRow {
  policy_arn: string;
  version_id: string;
  document: string;
  created_at: number;
}

function toPolicyVersion(row: PolicyVersionRow): PolicyVersionRecord {
  return { policyArn: row.policy_arn, versionId: row.version_id, document: row.document, createdAt: row.created_at };
}

/** A role's permissions policy: an inline one by name, an attached one by ARN (its default version's document). */
export interface NamedPolicyRecord {
  kind: 'inline' | 'managed';
  name: string;
  document: string;
}

export interface InlinePolicyRecord {
  policyName: string;
  document: string;
}

/** What a write that checks the state first found: done, or why not (the operation words the error). */
export type CreateResult = 'created' | 'name-taken' | 'quota-exceeded';
export type AttachResult = 'attached' | 'already-attached' | 'quota-exceeded';
export type DetachResult = 'detached' | 'no-role' | 'not-attached';
export type DeleteRoleResult = 'deleted' | 'no-role' | 'has-attached-policies' | 'has-inline-policies';
export type DeleteRolePolicyResult = 'deleted' | 'no-role' | 'no-policy';
export type PutRolePolicyResult = 'put' | 'no-role' | 'quota-exceeded';
export type DeletePolicyResult = 'deleted' | 'attached' | 'has-versions';
export type DeletePolicyVersionResult = 'deleted' | 'default-version';
export type CreatePolicyVersionResult =
  | { kind: 'created'; version: PolicyVersionRecord }
  | { kind: 'no-policy' }
  | { kind: 'quota-exceeded' };

/** A size quota over policy documents, counted as IAM counts them (`size`). */
export interface DocumentSizeQuota {
  limit: number;
  size: (document: string) => number;
}

/**
 * The IAM state. Cognito resolves and trusts roles, API Gateway evaluates a caller's role policies, Lambda checks
 * that an execution role exists (the read helpers); the IAM operations write through the purpose-named methods,
 * each of which checks what it must and writes in one transaction, answering what it found.
 */
export class IamStore {
  private readonly statements;
  /** Roles and their policies are read on every credentials call and every IAM-authorized request: kept decoded
   * (see RowCache). */
  private readonly roles: RowCache<RoleRecord>;
  private readonly policyDocuments: RowCache<string[]>;
  private readonly namedPolicies: RowCache<NamedPolicyRecord[]>;

  constructor(private readonly db: Database) {
    db.install(iamSchema);
    this.roles = new RowCache(db, { capacity: 1_000, tables: ['iam_roles'], keptByInserts: true });
    const policyTables = [
      'iam_roles',
      'iam_role_policies',
      'iam_role_attachments',
      'iam_policies',
      'iam_policy_versions',
    ];
    this.policyDocuments = new RowCache(db, { capacity: 1_000, tables: policyTables, keptByInserts: false });
    this.namedPolicies = new RowCache(db, { capacity: 1_000, tables: policyTables, keptByInserts: false });
    const sql = db.sql;
    this.statements = preparedOnFirstUse({
      roleByName: () => sql.prepare('SELECT * FROM iam_roles WHERE account_id = ? AND role_name = ?'),
      roleByArn: () => sql.prepare('SELECT * FROM iam_roles WHERE arn = ?'),
      roleById: () => sql.prepare('SELECT * FROM iam_roles WHERE account_id = ? AND role_id = ?'),
      inlineDocuments: () =>
        sql.prepare(
          'SELECT document FROM iam_role_policies WHERE account_id = ? AND role_name = ? ORDER BY policy_name',
        ),
      attachedDocuments: () =>
        sql.prepare(`
        SELECT v.document FROM iam_role_attachments a
        JOIN iam_policies p ON p.arn = a.policy_arn
        JOIN iam_policy_versions v ON v.policy_arn = p.arn AND v.version_id = p.default_version_id
        WHERE a.account_id = ? AND a.role_name = ? ORDER BY a.policy_arn`),
      attachedArns: () =>
        sql.prepare(
          'SELECT policy_arn FROM iam_role_attachments WHERE account_id = ? AND role_name = ? ORDER BY policy_arn',
        ),
      namedPolicies: () =>
        sql.prepare(`
        SELECT 'inline' AS kind, policy_name AS name, document FROM iam_role_policies
        WHERE account_id = @accountId AND role_name = @roleName
        UNION ALL
        SELECT 'managed' AS kind, a.policy_arn AS name, v.document FROM iam_role_attachments a
        JOIN iam_policies p ON p.arn = a.policy_arn
        JOIN iam_policy_versions v ON v.policy_arn = p.arn AND v.version_id = p.default_version_id
        WHERE a.account_id = @accountId AND a.role_name = @roleName
        ORDER BY kind, name`),

      rolesOfAccount: () => sql.prepare('SELECT * FROM iam_roles WHERE account_id = ? ORDER BY role_name'),
      countRoles: () => sql.prepare('SELECT COUNT(*) AS count FROM iam_roles WHERE account_id = ?'),
      insertRole: () =>
        sql.prepare(`
        INSERT INTO iam_roles (account_id, role_name, role_id, arn, path, assume_role_policy, description,
          max_session_duration, permissions_boundary, tags, created_at)
        VALUES (@accountId, @roleName, @roleId, @arn, @path, @assumeRolePolicy, @description, @maxSessionDuration,
          @permissionsBoundary, @tags, @createdAt)`),
      setTrust: () => sql.prepare('UPDATE iam_roles SET assume_role_policy = ? WHERE account_id = ? AND role_name = ?'),
      setDescription: () => sql.prepare('UPDATE iam_roles SET description = ? WHERE account_id = ? AND role_name = ?'),
      setMaxSessionDuration: () =>
        sql.prepare('UPDATE iam_roles SET max_session_duration = ? WHERE account_id = ? AND role_name = ?'),
      setRoleTags: () => sql.prepare('UPDATE iam_roles SET tags = ? WHERE account_id = ? AND role_name = ?'),
      deleteRole: () => sql.prepare('DELETE FROM iam_roles WHERE account_id = ? AND role_name = ?'),

      inlinePolicies: () =>
        sql.prepare(
          'SELECT policy_name, document FROM iam_role_policies WHERE account_id = ? AND role_name = ? ' +
            'ORDER BY policy_name',
        ),
      inlinePolicy: () =>
        sql.prepare(
          'SELECT policy_name, document FROM iam_role_policies ' +
            'WHERE account_id = ? AND role_name = ? AND policy_name = ?',
        ),
      putInlinePolicy: () =>
        sql.prepare(`
        INSERT INTO iam_role_policies (account_id, role_name, policy_name, document) VALUES (?, ?, ?, ?)
        ON CONFLICT (account_id, role_name, policy_name) DO UPDATE SET document = excluded.document`),
      deleteInlinePolicy: () =>
        sql.prepare('DELETE FROM iam_role_policies WHERE account_id = ? AND role_name = ? AND policy_name = ?'),

      policyByArn: () => sql.prepare('SELECT * FROM iam_policies WHERE arn = ?'),
      policyByName: () =>
        sql.prepare('SELECT * FROM iam_policies WHERE account_id = ? AND policy_name = ? COLLATE NOCASE'),
      policiesOf: () =>
        sql.prepare('SELECT * FROM iam_policies WHERE account_id IN (?, ?) ORDER BY policy_name COLLATE NOCASE, arn'),
      countPolicies: () => sql.prepare('SELECT COUNT(*) AS count FROM iam_policies WHERE account_id = ?'),
      insertPolicy: () =>
        sql.prepare(`
        INSERT INTO iam_policies (arn, account_id, policy_name, policy_id, path, description, default_version_id, tags,
          created_at, updated_at, next_version_number)
        VALUES (@arn, @accountId, @policyName, @policyId, @path, @description, @defaultVersionId, @tags, @createdAt,
          @updatedAt, @nextVersionNumber)`),
      deletePolicy: () => sql.prepare('DELETE FROM iam_policies WHERE arn = ?'),
      setDefaultVersion: () => sql.prepare('UPDATE iam_policies SET default_version_id = ? WHERE arn = ?'),
      recordNewVersion: () =>
        sql.prepare('UPDATE iam_policies SET next_version_number = ?, updated_at = ? WHERE arn = ?'),

      versions: () =>
        sql.prepare(
          'SELECT * FROM iam_policy_versions WHERE policy_arn = ? ' +
            'ORDER BY created_at DESC, CAST(substr(version_id, 2) AS INTEGER) DESC',
        ),
      version: () => sql.prepare('SELECT * FROM iam_policy_versions WHERE policy_arn = ? AND version_id = ?'),
      insertVersion: () =>
        sql.prepare(
          'INSERT INTO iam_policy_versions (policy_arn, version_id, document, created_at) VALUES (?, ?, ?, ?)',
        ),
      deleteVersion: () => sql.prepare('DELETE FROM iam_policy_versions WHERE policy_arn = ? AND version_id = ?'),

      attach: () =>
        sql.prepare('INSERT OR IGNORE INTO iam_role_attachments (account_id, role_name, policy_arn) VALUES (?, ?, ?)'),
      detach: () =>
        sql.prepare('DELETE FROM iam_role_attachments WHERE account_id = ? AND role_name = ? AND policy_arn = ?'),
      attachmentCount: () =>
        sql.prepare('SELECT COUNT(*) AS count FROM iam_role_attachments WHERE policy_arn = ? AND account_id = ?'),
      attachedAnywhere: () => sql.prepare('SELECT COUNT(*) AS count FROM iam_role_attachments WHERE policy_arn = ?'),
      rolesAttachedTo: () =>
        sql.prepare(`
        SELECT r.* FROM iam_role_attachments a
        JOIN iam_roles r ON r.account_id = a.account_id AND r.role_name = a.role_name
        WHERE a.policy_arn = ? AND a.account_id = ? ORDER BY r.role_name`),
    });
  }

  /** The role (frozen); its name compares without case. */
  findRole(accountId: string, roleName: string): RoleRecord | undefined {
    const key = `name\n${accountId}\n${roleName}`;
    const cached = this.roles.get(key);
    if (cached) return cached;
    const row = this.statements.roleByName.get(accountId, roleName) as RoleRow | undefined;
    return row && this.roles.remember(key, toRole(row));
  }

  /** The role (frozen). */
  findRoleByArn(arn: string): RoleRecord | undefined {
    const cached = this.roles.get(arn);
    if (cached) return cached;
    const row = this.statements.roleByArn.get(arn) as RoleRow | undefined;
    return row && this.roles.remember(arn, toRole(row));
  }

  /** The role (frozen) with this unique id (`AROA…`): a role deleted and created again under its name has another. */
  findRoleById(accountId: string, roleId: string): RoleRecord | undefined {
    // Every call made with issued credentials looks its session's role up by id.
    const key = `id\n${accountId}\n${roleId}`;
    const cached = this.roles.get(key);
    if (cached) return cached;
    const row = this.statements.roleById.get(accountId, roleId) as RoleRow | undefined;
    return row && this.roles.remember(key, toRole(row));
  }

  /** The JSON texts (frozen list) of a role's inline policies and of the default versions of its attached ones. */
  identityPolicyDocuments(accountId: string, roleName: string): readonly string[] {
    const key = `${accountId}\n${roleName}`;
    const cached = this.policyDocuments.get(key);
    if (cached) return cached;
    const inline = (this.statements.inlineDocuments.all(accountId, roleName) as { document: string }[]).map(
      (row) => row.document,
    );
    const attached = (this.statements.attachedDocuments.all(accountId, roleName) as { document: string }[]).map(
      (row) => row.document,
    );
    return this.policyDocuments.remember(key, [...inline, ...attached]);
  }

  /** The role's inline policies (by name) and attached policies (by ARN, their default version), in one query. */
  namedIdentityPolicies(accountId: string, roleName: string): readonly NamedPolicyRecord[] {
    const key = `named\n${accountId}\n${roleName}`;
    const cached = this.namedPolicies.get(key);
    if (cached) return cached;
    const rows = this.statements.namedPolicies.all({ accountId, roleName }) as NamedPolicyRecord[];
    return this.namedPolicies.remember(key, rows);
  }

  attachedPolicyArns(accountId: string, roleName: string): string[] {
    return (this.statements.attachedArns.all(accountId, roleName) as { policy_arn: string }[]).map(
      (row) => row.policy_arn,
    );
  }

  /** The account's roles by name (names compare without case, as IAM's do). */
  listRoles(accountId: string): RoleRecord[] {
    return (this.statements.rolesOfAccount.all(accountId) as RoleRow[]).map(toRole);
  }

  /** A new role, unless the account has one of that name (whatever its case) or has reached its quota of roles. */
  createRole(role: RoleRecord, maxRolesPerAccount: number): CreateResult {
    return this.db.transaction((): CreateResult => {
      if (this.findRole(role.accountId, role.roleName)) return 'name-taken';
      if (this.count(this.statements.countRoles, role.accountId) >= maxRolesPerAccount) return 'quota-exceeded';
      this.insertRole(role);
      return 'created';
    });
  }

  /** Writes the role as given, without checks (tests and seeding; the operations use `createRole`). */
  insertRole(role: RoleRecord): void {
    this.statements.insertRole.run({
      ...role,
      description: role.description ?? null,
      permissionsBoundary: role.permissionsBoundary ?? null,
      tags: JSON.stringify(role.tags),
    });
  }

  setAssumeRolePolicy(accountId: string, roleName: string, document: string): void {
    this.statements.setTrust.run(document, accountId, roleName);
  }

  setRoleDescription(accountId: string, roleName: string, description: string | undefined): void {
    this.statements.setDescription.run(description ?? null, accountId, roleName);
  }

  /** Changes what is given of the role's settings, together; false when there is no such role. */
  updateRole(accountId: string, roleName: string, changes: { description?: string; maxSessionDuration?: number }) {
    return this.db.transaction((): boolean => {
      if (!this.findRole(accountId, roleName)) return false;
      if (changes.description !== undefined) this.setRoleDescription(accountId, roleName, changes.description);
      if (changes.maxSessionDuration !== undefined) {
        this.statements.setMaxSessionDuration.run(changes.maxSessionDuration, accountId, roleName);
      }
      return true;
    });
  }

  /**
   * Replaces the role's tags by what `change` makes of them, read and written in one transaction (`change` may
   * throw to refuse: nothing is written); false when there is no such role.
   */
  updateRoleTags(accountId: string, roleName: string, change: (tags: readonly Tag[]) => Tag[]): boolean {
    return this.db.transaction((): boolean => {
      const role = this.findRole(accountId, roleName);
      if (!role) return false;
      this.statements.setRoleTags.run(JSON.stringify(change(role.tags)), accountId, roleName);
      return true;
    });
  }

  /** Deletes the role, refused while managed policies are attached to it or inline policies remain (checked in
   * that order). */
  deleteRole(accountId: string, roleName: string): DeleteRoleResult {
    return this.db.transaction((): DeleteRoleResult => {
      const role = this.findRole(accountId, roleName);
      if (!role) return 'no-role';
      if (this.attachedPolicyArns(accountId, role.roleName).length > 0) return 'has-attached-policies';
      if (this.inlinePolicies(accountId, role.roleName).length > 0) return 'has-inline-policies';
      this.statements.deleteRole.run(accountId, role.roleName);
      return 'deleted';
    });
  }

  inlinePolicies(accountId: string, roleName: string): InlinePolicyRecord[] {
    const rows = this.statements.inlinePolicies.all(accountId, roleName) as { policy_name: string; document: string }[];
    return rows.map((row) => ({ policyName: row.policy_name, document: row.document }));
  }

  findInlinePolicy(accountId: string, roleName: string, policyName: string): InlinePolicyRecord | undefined {
    const row = this.statements.inlinePolicy.get(accountId, roleName, policyName) as
      | { policy_name: string; document: string }
      | undefined;
    return row && { policyName: row.policy_name, document: row.document };
  }

  /**
   * Adds or replaces the role's inline policy, unless all of its inline policies together (this one replacing any
   * of its name) would exceed `quota`.
   */
  putRolePolicy(
    accountId: string,
    roleName: string,
    policyName: string,
    document: string,
    quota: DocumentSizeQuota,
  ): PutRolePolicyResult {
    return this.db.transaction((): PutRolePolicyResult => {
      const role = this.findRole(accountId, roleName);
      if (!role) return 'no-role';
      const others = this.inlinePolicies(accountId, role.roleName).filter((policy) => policy.policyName !== policyName);
      const total = others.reduce((sum, policy) => sum + quota.size(policy.document), quota.size(document));
      if (total > quota.limit) return 'quota-exceeded';
      this.putInlinePolicy(accountId, role.roleName, policyName, document);
      return 'put';
    });
  }

  /** Writes the inline policy without checks (tests; the operations use `putRolePolicy`). */
  putInlinePolicy(accountId: string, roleName: string, policyName: string, document: string): void {
    this.statements.putInlinePolicy.run(accountId, roleName, policyName, document);
  }

  deleteRolePolicy(accountId: string, roleName: string, policyName: string): DeleteRolePolicyResult {
    return this.db.transaction((): DeleteRolePolicyResult => {
      const role = this.findRole(accountId, roleName);
      if (!role) return 'no-role';
      const deleted = this.statements.deleteInlinePolicy.run(accountId, role.roleName, policyName).changes > 0;
      return deleted ? 'deleted' : 'no-policy';
    });
  }

  findPolicy(arn: string): PolicyRecord | undefined {
    const row = this.statements.policyByArn.get(arn) as PolicyRow | undefined;
    return row && toPolicy(row);
  }

  /** The account's customer managed policies and the AWS managed ones, by name. */
  listPolicies(accountId: string, awsAccount: string): PolicyRecord[] {
    return (this.statements.policiesOf.all(accountId, awsAccount) as PolicyRow[]).map(toPolicy);
  }

  /**
   * A new managed policy with its first version, unless the account has a policy of that name (whatever its case
   * and path) or has reached its quota of policies.
   */
  createPolicy(policy: PolicyRecord, document: string, maxPoliciesPerAccount: number): CreateResult {
    return this.db.transaction((): CreateResult => {
      if (this.statements.policyByName.get(policy.accountId, policy.policyName)) return 'name-taken';
      if (this.count(this.statements.countPolicies, policy.accountId) >= maxPoliciesPerAccount) return 'quota-exceeded';
      this.insertPolicy(policy, document);
      return 'created';
    });
  }

  /** A new managed policy with its first version (`DefaultVersionId`), written together without checks (tests and
   * seeding; the operations use `createPolicy`). */
  insertPolicy(policy: PolicyRecord, document: string): void {
    this.db.transaction(() => {
      this.statements.insertPolicy.run({
        ...policy,
        description: policy.description ?? null,
        tags: JSON.stringify(policy.tags),
      });
      this.statements.insertVersion.run(policy.arn, policy.defaultVersionId, document, policy.createdAt);
    });
  }

  /** Deletes the policy and its versions, refused while it is attached or has versions besides the default one. */
  deletePolicy(arn: string): DeletePolicyResult {
    return this.db.transaction((): DeletePolicyResult => {
      if (this.count(this.statements.attachedAnywhere, arn) > 0) return 'attached';
      if (this.policyVersions(arn).length > 1) return 'has-versions';
      this.statements.deletePolicy.run(arn);
      return 'deleted';
    });
  }

  /** The policy's versions, newest first. */
  policyVersions(arn: string): PolicyVersionRecord[] {
    return (this.statements.versions.all(arn) as PolicyVersionRow[]).map(toPolicyVersion);
  }

  findPolicyVersion(arn: string, versionId: string): PolicyVersionRecord | undefined {
    const row = this.statements.version.get(arn, versionId) as PolicyVersionRow | undefined;
    return row && toPolicyVersion(row);
  }

  /**
   * Adds version `v<n>` (numbers are never reused) unless the policy has `maxVersions` already; the policy's
   * UpdateDate becomes the version's CreateDate, and with `setAsDefault` the version is the one that applies.
   */
  createPolicyVersion(
    arn: string,
    document: string,
    createdAt: number,
    options: { setAsDefault: boolean; maxVersions: number },
  ): CreatePolicyVersionResult {
    return this.db.transaction((): CreatePolicyVersionResult => {
      const policy = this.findPolicy(arn);
      if (!policy) return { kind: 'no-policy' };
      if (this.policyVersions(arn).length >= options.maxVersions) return { kind: 'quota-exceeded' };
      const version: PolicyVersionRecord = {
        policyArn: arn,
        versionId: `v${policy.nextVersionNumber}`,
        document,
        createdAt,
      };
      this.statements.insertVersion.run(arn, version.versionId, document, createdAt);
      this.statements.recordNewVersion.run(policy.nextVersionNumber + 1, createdAt, arn);
      if (options.setAsDefault) this.setDefaultPolicyVersion(arn, version.versionId);
      return { kind: 'created', version };
    });
  }

  /** Deletes a version of the policy, refused for its default version. */
  deletePolicyVersion(arn: string, versionId: string): DeletePolicyVersionResult {
    return this.db.transaction((): DeletePolicyVersionResult => {
      if (this.findPolicy(arn)?.defaultVersionId === versionId) return 'default-version';
      this.statements.deleteVersion.run(arn, versionId);
      return 'deleted';
    });
  }

  setDefaultPolicyVersion(arn: string, versionId: string): void {
    this.statements.setDefaultVersion.run(versionId, arn);
  }

  /** Attaches the policy to the role; one already attached changes nothing, a role at `maxPerRole` is refused. */
  attachRolePolicy(accountId: string, roleName: string, policyArn: string, maxPerRole: number): AttachResult {
    return this.db.transaction((): AttachResult => {
      const attached = this.attachedPolicyArns(accountId, roleName);
      if (attached.includes(policyArn)) return 'already-attached';
      if (attached.length >= maxPerRole) return 'quota-exceeded';
      this.attachPolicy(accountId, roleName, policyArn);
      return 'attached';
    });
  }

  /** Attaches without checks (tests; the operations use `attachRolePolicy`). */
  attachPolicy(accountId: string, roleName: string, policyArn: string): void {
    this.statements.attach.run(accountId, roleName, policyArn);
  }

  detachRolePolicy(accountId: string, roleName: string, policyArn: string): DetachResult {
    return this.db.transaction((): DetachResult => {
      const role = this.findRole(accountId, roleName);
      if (!role) return 'no-role';
      const detached = this.statements.detach.run(accountId, role.roleName, policyArn).changes > 0;
      return detached ? 'detached' : 'not-attached';
    });
  }

  /** How many of the account's roles have the policy attached (an AWS managed policy counts per account). */
  attachmentCount(accountId: string, policyArn: string): number {
    return (this.statements.attachmentCount.get(policyArn, accountId) as { count: number }).count;
  }

  rolesAttachedTo(accountId: string, policyArn: string): RoleRecord[] {
    return (this.statements.rolesAttachedTo.all(policyArn, accountId) as RoleRow[]).map(toRole);
  }

  private count(statement: { get(...params: unknown[]): unknown }, ...params: unknown[]): number {
    return (statement.get(...params) as { count: number }).count;
  }
}
