import type { Database, StoreComponent } from './database.js';

/** IAM roles with their trust and inline policies, customer managed policies (with versions) and attachments. */
export const iamSchema: StoreComponent = {
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
  ],
  resettableTables: ['iam_role_attachments', 'iam_policy_versions', 'iam_policies', 'iam_role_policies', 'iam_roles'],
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

/**
 * The IAM state other services read: Cognito resolves and trusts roles, API Gateway evaluates a caller's role
 * policies, Lambda checks that an execution role exists. The IAM operations own the writes.
 */
export class IamStore {
  private readonly statements;

  constructor(readonly db: Database) {
    db.install(iamSchema);
    const sql = db.sql;
    this.statements = {
      roleByName: sql.prepare('SELECT * FROM iam_roles WHERE account_id = ? AND role_name = ?'),
      roleByArn: sql.prepare('SELECT * FROM iam_roles WHERE arn = ?'),
      inlineDocuments: sql.prepare('SELECT document FROM iam_role_policies WHERE account_id = ? AND role_name = ? ORDER BY policy_name'),
      attachedDocuments: sql.prepare(`
        SELECT v.document FROM iam_role_attachments a
        JOIN iam_policies p ON p.arn = a.policy_arn
        JOIN iam_policy_versions v ON v.policy_arn = p.arn AND v.version_id = p.default_version_id
        WHERE a.account_id = ? AND a.role_name = ? ORDER BY a.policy_arn`),
      attachedArns: sql.prepare('SELECT policy_arn FROM iam_role_attachments WHERE account_id = ? AND role_name = ? ORDER BY policy_arn'),
    };
  }

  findRole(accountId: string, roleName: string): RoleRecord | undefined {
    const row = this.statements.roleByName.get(accountId, roleName) as RoleRow | undefined;
    return row && toRole(row);
  }

  findRoleByArn(arn: string): RoleRecord | undefined {
    const row = this.statements.roleByArn.get(arn) as RoleRow | undefined;
    return row && toRole(row);
  }

  /** The JSON texts of a role's inline policies and of the default versions of its attached managed policies. */
  identityPolicyDocuments(accountId: string, roleName: string): string[] {
    const inline = (this.statements.inlineDocuments.all(accountId, roleName) as { document: string }[]).map((row) => row.document);
    const attached = (this.statements.attachedDocuments.all(accountId, roleName) as { document: string }[]).map((row) => row.document);
    return [...inline, ...attached];
  }

  attachedPolicyArns(accountId: string, roleName: string): string[] {
    return (this.statements.attachedArns.all(accountId, roleName) as { policy_arn: string }[]).map((row) => row.policy_arn);
  }
}
