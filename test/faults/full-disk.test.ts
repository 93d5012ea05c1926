import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/testing.js';
import { awsError, clientsFor } from '../support/emulator.js';

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

// The disk filling up is simulated by capping the database file at its current size (SQLite's max_page_count):
// SQLite then fails writes with SQLITE_FULL exactly as on a full disk.
describe('a full disk under --data-dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-full-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers a clear 503, writes nothing half-way, and works again once there is room', async () => {
    const lines: string[] = [];
    const emulator = await startEmulator({ port: 0, dataDir, logLevel: 'warn', logSink: (line) => lines.push(line) });
    try {
      const { iam } = clientsFor(emulator);
      await iam.send(new CreateRoleCommand({ RoleName: 'before-full', AssumeRolePolicyDocument: trust }));
      const sql = emulator.runtime.db.sql;
      const pages = sql.pragma('page_count', { simple: true }) as number;
      sql.pragma(`max_page_count = ${pages}`);

      let refusal: Awaited<ReturnType<typeof awsError>> | undefined;
      for (let index = 0; index < 500 && !refusal; index++) {
        refusal = await awsError(
          iam.send(
            new CreateRoleCommand({
              RoleName: `filler-${index}`,
              AssumeRolePolicyDocument: trust,
              Description: 'x'.repeat(900),
            }),
          ),
        ).catch(() => undefined);
      }
      expect(refusal?.name).toBe('ServiceUnavailable');
      expect(refusal?.$metadata.httpStatusCode).toBe(503);
      expect(refusal?.message).toContain('the disk holding its --data-dir is full');
      expect(lines.some((line) => line.includes('ERROR') && line.includes('disk holding its --data-dir is full'))).toBe(
        true,
      );

      sql.pragma('max_page_count = 1073741823');
      await iam.send(new CreateRoleCommand({ RoleName: 'after-full', AssumeRolePolicyDocument: trust }));
      expect((await iam.send(new GetRoleCommand({ RoleName: 'before-full' }))).Role?.RoleName).toBe('before-full');
      expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await emulator.stop();
    }
  });
});
