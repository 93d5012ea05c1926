import { AttachRolePolicyCommand, CreateRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/testing.js';
import { awsManagedPolicies } from '../../emulator/store/aws-managed-policies.js';
import { clientsFor } from '../support/emulator.js';
import { trustPolicy } from './documents.js';

describe('IAM state under --data-dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-iam-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates the schema once, seeds the catalog, and keeps roles and attachments across a restart', async () => {
    const first = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
    try {
      expect(first.runtime.db.schemaVersions().iam).toBe(3);
      const iam = clientsFor(first).iam;
      await iam.send(new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: trustPolicy() }));
      await iam.send(
        new AttachRolePolicyCommand({
          RoleName: 'kept',
          PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
        }),
      );
    } finally {
      await first.stop();
    }

    const second = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
    try {
      const attached = await clientsFor(second).iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'kept' }));
      expect(attached.AttachedPolicies).toEqual([
        { PolicyName: 'AWSLambdaRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole' },
      ]);
      expect(second.runtime.iam.listPolicies(second.accountId, 'aws')).toHaveLength(awsManagedPolicies.length);
      expect(
        second.runtime.iam.identityPolicyDocuments(second.accountId, 'kept').map((text) => JSON.parse(text) as unknown),
      ).toEqual([awsManagedPolicies.find((policy) => policy.name === 'AWSLambdaRole')?.document]);
    } finally {
      await second.stop();
    }
  });
});
