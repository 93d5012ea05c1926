import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { RunningEmulator } from '../../emulator/index.js';

/** A .zip deployment package holding these files (path → source text). */
export function zipFunction(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
}

export const lambdaTrustPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/**
 * Creates an IAM role straight in the emulator's store (IAM's CreateRole is built on another branch) and returns
 * its ARN. The default trust policy lets Lambda assume it.
 */
export function createRole(emulator: RunningEmulator, roleName: string, trustPolicy = lambdaTrustPolicy): string {
  const arn = `arn:aws:iam::${emulator.accountId}:role/${roleName}`;
  const roleId = `AROA${randomBytes(16).toString('hex').toUpperCase().slice(0, 17)}`;
  emulator.runtime.db.sql
    .prepare(
      `INSERT INTO iam_roles (account_id, role_name, role_id, arn, path, assume_role_policy, max_session_duration, created_at)
       VALUES (?, ?, ?, ?, '/', ?, 3600, ?)`,
    )
    .run(emulator.accountId, roleName, roleId, arn, trustPolicy, Date.now());
  return arn;
}
