import { GetRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../emulator/auth/policy/index.js';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { builtCli, type CliRun, runCli } from '../support/child-processes.js';
import { seedFlow, type SeededFlow } from './seed.js';

let cli: string;

function idpool(args: string[]): Promise<CliRun> {
  return runCli(cli, args);
}

describe('idpool policy suggest (built CLI)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-suggest-'));
  let emulator: RunningEmulator | undefined;
  let flow: SeededFlow;
  let role: string;

  beforeAll(async () => {
    cli = builtCli();
    emulator = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
    flow = await seedFlow(emulator);
    role = flow.names.authenticatedRole;
    expect((await flow.get('/hello')).status).toBe(200);
    expect((await flow.get('/private')).status).toBe(403);
  }, 120_000);
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the policy of every call the sessions made or were refused, grouped by service', async () => {
    const { status, stdout, stderr } = await idpool([
      'policy',
      'suggest',
      '--role',
      role,
      '--endpoint',
      emulator?.url as string,
    ]);
    expect(status, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ExecuteApiInvoke',
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: [flow.methodArn('/hello'), flow.methodArn('/private')],
        },
      ],
    });
    expect(stderr).toContain(`1 statement(s) from 2 request(s) of sessions of role ${role}`);
    const roleId = (await flow.clients.iam.send(new GetRoleCommand({ RoleName: role }))).Role?.RoleId as string;
    const byId = await idpool(['policy', 'suggest', '--role', roleId, '--endpoint', emulator?.url as string]);
    expect(byId.stdout).toBe(stdout);
  });

  it('--denied-only prints the missing permission; put on the role, it lets the denied call through', async () => {
    const url = emulator?.url as string;
    const { status, stdout } = await idpool(['policy', 'suggest', '--role', role, '--endpoint', url, '--denied-only']);
    expect(status).toBe(0);
    const document = JSON.parse(stdout) as { Statement: { Resource: unknown }[] };
    expect(document.Statement).toEqual([
      { Sid: 'ExecuteApiInvoke', Effect: 'Allow', Action: 'execute-api:Invoke', Resource: flow.methodArn('/private') },
    ]);
    expect(() => parsePolicyDocument(stdout, 'identity')).not.toThrow();

    await flow.clients.iam.send(
      new PutRolePolicyCommand({ RoleName: role, PolicyName: 'suggested', PolicyDocument: stdout }),
    );
    const response = await flow.get('/private');
    expect(response.status, await response.text()).toBe(200);

    const nothing = await idpool(['policy', 'suggest', '--role', role, '--endpoint', url, '--denied-only']);
    expect(nothing.status).toBe(1);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toContain(`no denied request of a session of role ${role}`);
  });

  it('reads the log of a data dir after the emulator stopped', async () => {
    const url = emulator?.url as string;
    const running = await idpool(['policy', 'suggest', '--role', role, '--endpoint', url]);
    await emulator?.stop();
    emulator = undefined;
    const stopped = await idpool(['policy', 'suggest', '--role', role, '--data-dir', dataDir]);
    expect(stopped.status, stopped.stderr).toBe(0);
    expect(stopped.stdout).toBe(running.stdout);
  });

  it('refuses an unusable source with exit status 2 and the reason', async () => {
    const neither = await idpool(['policy', 'suggest', '--role', role]);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain('exactly one of --endpoint URL or --data-dir DIR');
    const empty = mkdtempSync(join(tmpdir(), 'idpool-suggest-empty-'));
    try {
      const noLog = await idpool(['policy', 'suggest', '--role', role, '--data-dir', empty]);
      expect(noLog.status).toBe(2);
      expect(noLog.stderr).toContain('holds no request log (requests.sqlite)');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
