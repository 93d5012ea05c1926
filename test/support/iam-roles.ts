import { awsIdentifier } from '../../emulator/auth/session-credentials.js';
import type { EmulatorRuntime } from '../../emulator/runtime.js';
import type { CognitoSessionSource, IssuedCredentialRecord } from '../../emulator/store/auth-store.js';

/**
 * Roles and their policies written straight into the IAM store's tables, for tests of services that read IAM
 * (execute-api's authorization) independently of the IAM operations.
 */
export interface TestRole {
  accountId: string;
  roleName: string;
  roleId: string;
  arn: string;
}

const trustCognito = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    },
  ],
});

export function createTestRole(
  runtime: EmulatorRuntime,
  roleName: string,
  trustPolicy = trustCognito,
  accountId = runtime.config.accountId,
): TestRole {
  const role = {
    accountId,
    roleName,
    roleId: awsIdentifier('AROA', 21),
    arn: `arn:aws:iam::${accountId}:role/${roleName}`,
  };
  runtime.db.sql
    .prepare(
      'INSERT INTO iam_roles (account_id, role_name, role_id, arn, path, assume_role_policy, ' +
        `max_session_duration, created_at)
       VALUES (?, ?, ?, ?, '/', ?, 3600, ?)`,
    )
    .run(accountId, roleName, role.roleId, role.arn, trustPolicy, runtime.clock.nowMs());
  return role;
}

export function putTestRolePolicy(
  runtime: EmulatorRuntime,
  role: TestRole,
  policyName: string,
  document: object,
): void {
  runtime.db.sql
    .prepare(
      `INSERT INTO iam_role_policies (account_id, role_name, policy_name, document) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, role_name, policy_name) DO UPDATE SET document = excluded.document`,
    )
    .run(role.accountId, role.roleName, policyName, JSON.stringify(document));
}

/** A customer managed policy (one default version) attached to the role. */
export function attachTestManagedPolicy(
  runtime: EmulatorRuntime,
  role: TestRole,
  policyName: string,
  document: object,
): void {
  const arn = `arn:aws:iam::${role.accountId}:policy/${policyName}`;
  const now = runtime.clock.nowMs();
  const sql = runtime.db.sql;
  sql
    .prepare(
      'INSERT INTO iam_policies (arn, account_id, policy_name, policy_id, path, default_version_id, ' +
        "created_at, updated_at) VALUES (?, ?, ?, ?, '/', 'v1', ?, ?)",
    )
    .run(arn, role.accountId, policyName, awsIdentifier('ANPA', 21), now, now);
  sql
    .prepare(`INSERT INTO iam_policy_versions (policy_arn, version_id, document, created_at) VALUES (?, 'v1', ?, ?)`)
    .run(arn, JSON.stringify(document), now);
  sql
    .prepare(`INSERT INTO iam_role_attachments (account_id, role_name, policy_arn) VALUES (?, ?, ?)`)
    .run(role.accountId, role.roleName, arn);
}

/** Temporary credentials of a session of the role, as Cognito's GetCredentialsForIdentity issues them. */
export function issueTestCredentials(
  runtime: EmulatorRuntime,
  role: TestRole,
  options: { durationSeconds?: number; source?: CognitoSessionSource; sessionName?: string } = {},
): IssuedCredentialRecord {
  const sessionName = options.sessionName ?? 'CognitoIdentityCredentials';
  return runtime.credentials.issue({
    accountId: role.accountId,
    durationSeconds: options.durationSeconds ?? 3600,
    session: {
      roleArn: role.arn,
      roleName: role.roleName,
      roleId: role.roleId,
      sessionName,
      assumedRoleArn: `arn:aws:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`,
      source: options.source,
    },
  });
}

export function asCredentials(record: IssuedCredentialRecord): {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
} {
  return {
    accessKeyId: record.accessKeyId,
    secretAccessKey: record.secretAccessKey,
    sessionToken: record.sessionToken,
  };
}
