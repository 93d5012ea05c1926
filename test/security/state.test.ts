import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/index.js';
import { createDeveloperPool } from '../cognito-identity/flow-support.js';
import { cliPath, serve } from '../support/processes.js';
import { clientsFor, useEmulator } from '../support/emulator.js';
import { json, send } from './support.js';

const jsonType = { 'content-type': 'application/json' };

describe('the data dir', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'idpool-security-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is locked: a second server refuses to start, naming the holder’s pid, until the first stops', async () => {
    const dataDir = freshDir();
    const first = await serve(['--data-dir', dataDir]);
    try {
      const second = spawnSync(process.execPath, [cliPath, 'serve', '--port', '0', '--data-dir', dataDir], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`pid ${first.child.pid}`);
      await expect(startEmulator({ port: 0, dataDir })).rejects.toThrow(
        new RegExp(`in use by another idpool \\(pid ${first.child.pid}\\)`),
      );
      expect((await fetch(`${first.url}/_idpool/health`)).status).toBe(200);
    } finally {
      await first.stop();
    }
    const after = await startEmulator({ port: 0, dataDir, logLevel: 'error' });
    await expect(startEmulator({ port: 0, dataDir })).rejects.toThrow(/this process/);
    await after.stop();
    expect(existsSync(join(dataDir, 'idpool.lock'))).toBe(false);
  });

  it('takes over a stale lock whose process is gone', async () => {
    const dataDir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dataDir, 'idpool.lock'), `${gone.stdout}\n`);
    const emulator = await startEmulator({ port: 0, dataDir, logLevel: 'error' });
    try {
      await createDeveloperPool(clientsFor(emulator));
    } finally {
      await emulator.stop();
    }
  });

  it('refuses to serve a database whose schema is newer than this idpool knows', async () => {
    const dataDir = freshDir();
    await (await startEmulator({ port: 0, dataDir, logLevel: 'error' })).stop();
    const db = new BetterSqlite3(join(dataDir, 'idpool.sqlite'));
    db.prepare("UPDATE schema_versions SET version = 99 WHERE component = 'iam'").run();
    db.close();
    await expect(startEmulator({ port: 0, dataDir })).rejects.toThrow(
      /iam schema at version 99, newer than this idpool knows \(\d+\)/,
    );
    expect(existsSync(join(dataDir, 'idpool.lock'))).toBe(false);
  });
});

describe('admin state import validates every row', () => {
  const ctx = useEmulator({ logLevel: 'error' });

  async function importing(body: string | Buffer) {
    return send(ctx.emulator, { method: 'POST', path: '/_idpool/state', headers: jsonType, body });
  }

  it('answers 400 with a clear message, never 500, and leaves the state as it was', async () => {
    await createDeveloperPool(ctx.clients);
    const exported = json(await send(ctx.emulator, { path: '/_idpool/state' })) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    const base = { format: 'idpool-state', formatVersion: 1 };
    const role = exported.tables.iam_roles?.[0] as Record<string, unknown>;
    const cases: [string, string, RegExp][] = [
      [
        'deeply nested JSON',
        `{"format":"idpool-state","formatVersion":1,"tables":{"iam_roles":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`,
        /nesting depth/,
      ],
      [
        'non-object rows',
        JSON.stringify({ ...base, tables: { iam_roles: [1, 'x', null] } }),
        /iam_roles row 1 must be an object/,
      ],
      ['an array row', JSON.stringify({ ...base, tables: { iam_roles: [[role]] } }), /must be an object/],
      [
        'rows not a list',
        JSON.stringify({ ...base, tables: { iam_roles: { a: 1 } } }),
        /tables.iam_roles must be an array/,
      ],
      [
        'a nested cell',
        JSON.stringify({ ...base, tables: { iam_roles: [{ ...role, role_name: { deep: [1, 2] } }] } }),
        /column role_name must be a string/,
      ],
      [
        'an unknown column',
        JSON.stringify({ ...base, tables: { iam_roles: [{ ...role, 'x" TEXT); DROP TABLE iam_roles; --': 1 }] } }),
        /column this idpool does not know/,
      ],
      [
        'a missing NOT NULL column',
        JSON.stringify({ ...base, tables: { iam_roles: [{ role_name: 'r' }] } }),
        /refused by the schema/,
      ],
      ['a duplicate key', JSON.stringify({ ...base, tables: { iam_roles: [role, role] } }), /refused by the schema/],
      ['an empty row', JSON.stringify({ ...base, tables: { iam_roles: [{}] } }), /has no columns/],
      [
        'a bad blob',
        JSON.stringify({ ...base, tables: { lambda_code: [{ sha256: 'x', zip: 'not tagged' }] } }),
        /must be \{"\$base64"/,
      ],
      ['an array of tables', JSON.stringify({ ...base, tables: [] }), /not an idpool state export/],
    ];
    for (const [name, body, message] of cases) {
      const answer = await importing(body);
      expect(answer.status, name).toBe(400);
      expect(answer.headers['x-amzn-errortype'], name).toBe('BadRequestException');
      expect(json(answer).message, name).toMatch(message);
    }
    const invalid = await send(ctx.emulator, {
      method: 'POST',
      path: '/_idpool/state',
      headers: jsonType,
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(invalid.status).toBe(400);
    expect(json(invalid).message).toMatch(/UTF-8/);
    const after = json(await send(ctx.emulator, { path: '/_idpool/state' })) as { tables: Record<string, unknown[]> };
    expect(after.tables.iam_roles).toEqual(exported.tables.iam_roles);
    expect((await importing(JSON.stringify(exported))).status).toBe(200);
  });
});
