import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/testing.js';
import { packageRoot } from '../emulator/package-root.js';
import { clientsFor } from './support/emulator.js';

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const policy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }],
});

describe('moving a whole state between emulators', () => {
  const folder = mkdtempSync(join(tmpdir(), 'idpool-state-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exports over the admin route and imports into another emulator, without secrets unless asked', async () => {
    const source = await startEmulator({ port: 0, logLevel: 'warn' });
    const target = await startEmulator({ port: 0, logLevel: 'warn' });
    try {
      const { iam } = clientsFor(source);
      await iam.send(new CreateRoleCommand({ RoleName: 'moved', AssumeRolePolicyDocument: trust }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'moved', PolicyName: 'invoke', PolicyDocument: policy }));
      await source.runtime.tokens.ready();

      const plain = (await (await fetch(`${source.url}/_idpool/state`)).json()) as {
        tables: Record<string, unknown[]>;
        includesSecrets: boolean;
      };
      expect(plain.includesSecrets).toBe(false);
      expect(plain.tables.signing_keys).toBeUndefined();
      expect(plain.tables.issued_credentials).toBeUndefined();
      expect(JSON.stringify(plain)).not.toContain('"d":');

      const imported = await fetch(`${target.url}/_idpool/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(plain),
      });
      expect(imported.status).toBe(200);
      const moved = clientsFor(target).iam;
      const role = await moved.send(new GetRoleCommand({ RoleName: 'moved' }));
      expect(role.Role?.Arn).toBe('arn:aws:iam::000000000000:role/moved');
      const inline = await moved.send(new GetRolePolicyCommand({ RoleName: 'moved', PolicyName: 'invoke' }));
      expect(JSON.parse(decodeURIComponent(inline.PolicyDocument as string))).toEqual(JSON.parse(policy));

      const withSecrets = (await (await fetch(`${source.url}/_idpool/state?secrets=true`)).json()) as {
        tables: Record<string, unknown[]>;
      };
      expect(withSecrets.tables.signing_keys).toHaveLength(1);
    } finally {
      await source.stop();
      await target.stop();
    }
  });

  it('refuses what is not an export, and an export of another schema version', async () => {
    const emulator = await startEmulator({ port: 0, logLevel: 'warn' });
    try {
      const garbage = await fetch(`${emulator.url}/_idpool/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"tables":[]}',
      });
      expect(garbage.status).toBe(400);
      const exported = (await (await fetch(`${emulator.url}/_idpool/state`)).json()) as {
        schemaVersions: Record<string, number>;
      };
      exported.schemaVersions.iam = 999;
      const future = await fetch(`${emulator.url}/_idpool/state`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(exported),
      });
      expect(future.status).toBe(400);
      expect(((await future.json()) as { message: string }).message).toContain('iam schema is version 999');
    } finally {
      await emulator.stop();
    }
  });

  it('`idpool state export` and `import` work on a data dir offline', async () => {
    const from = join(folder, 'from');
    const to = join(folder, 'to');
    const emulator = await startEmulator({ port: 0, logLevel: 'warn', dataDir: from });
    await clientsFor(emulator).iam.send(
      new CreateRoleCommand({ RoleName: 'offline', AssumeRolePolicyDocument: trust }),
    );
    await emulator.stop();

    const file = join(folder, 'state.json');
    const cli = `${packageRoot}/dist/cli/main.js`;
    expect(
      execFileSync(process.execPath, [cli, 'state', 'export', file, '--data-dir', from], { encoding: 'utf8' }),
    ).toMatch(/^exported \d+ rows/);
    expect(readFileSync(file, 'utf8')).toContain('"offline"');
    expect(
      execFileSync(process.execPath, [cli, 'state', 'import', file, '--data-dir', to], { encoding: 'utf8' }),
    ).toMatch(/^imported \d+ rows/);

    const restored = await startEmulator({ port: 0, logLevel: 'warn', dataDir: to });
    try {
      const role = await clientsFor(restored).iam.send(new GetRoleCommand({ RoleName: 'offline' }));
      expect(role.Role?.RoleName).toBe('offline');
    } finally {
      await restored.stop();
    }
  });
});
