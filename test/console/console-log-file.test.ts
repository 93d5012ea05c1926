import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DeleteRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/testing.js';
import { asCredentials, createTestRole, issueTestCredentials } from '../support/iam-roles.js';

/**
 * What the console keeps for its explanations (the error message, the policies a denial evaluated) stays out of
 * the request log's file and out of `GET /_idpool/requests`; the message is kept without the session token.
 */
describe("the console's explanation material in the request log", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-console-log-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('never reaches the disk with a session token, nor the policies evaluated', async () => {
    const emulator = await startEmulator({ port: 0, logLevel: 'error', dataDir });
    const role = createTestRole(emulator.runtime, 'console-log-role');
    const keys = asCredentials(issueTestCredentials(emulator.runtime, role));
    const config = { endpoint: emulator.url, region: emulator.region, maxAttempts: 1 };
    const badly = new STSClient({ ...config, credentials: { ...keys, secretAccessKey: 'wrong' } });
    const signature = await badly.send(new GetCallerIdentityCommand({})).catch((error: Error) => error);
    expect((signature as Error).name).toBe('SignatureDoesNotMatch');
    expect((signature as Error).message).toContain(keys.sessionToken);
    const iam = new IAMClient({ ...config, credentials: keys });
    const denied = await iam
      .send(new DeleteRoleCommand({ RoleName: 'console-log-role' }))
      .catch((error: Error) => error);
    expect((denied as Error).name).toBe('AccessDenied');
    const listed = await (await fetch(`${emulator.url}/_idpool/requests`)).text();
    expect(listed).not.toContain(keys.sessionToken);
    expect(listed).not.toContain('errorMessage');
    expect(listed).not.toContain('evaluation');
    const detail = await (await fetch(`${emulator.url}/_idpool/console/api/requests?limit=5`)).json();
    const [deniedEntry] = (detail as { requests: { requestId: string; decision?: string }[] }).requests;
    expect(deniedEntry?.decision).toBe('implicit-deny');
    const explained = await (
      await fetch(`${emulator.url}/_idpool/console/api/requests/${deniedEntry?.requestId}`)
    ).json();
    expect((explained as { explanation: { kind: string } }).explanation.kind).toBe('iam-denial');
    await emulator.stop();
    const file = readFileSync(join(dataDir, 'requests.sqlite')).toString('latin1');
    expect(file).toContain('SignatureDoesNotMatch');
    expect(file).not.toContain(keys.sessionToken);
    expect(file).not.toContain('"evaluation"');
  });
});
