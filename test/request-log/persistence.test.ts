import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { readRequestLogFile, requestLogFileName } from '../../emulator/request-log-file.js';
import { requestLog, seedFlow } from './seed.js';

describe('the request log under --data-dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-request-log-'));
  let emulator: RunningEmulator | undefined;
  afterAll(async () => {
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('survives a restart, holds no secret on disk, and keeps its bound there', async () => {
    emulator = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
    const flow = await seedFlow(emulator);
    expect((await flow.get('/hello')).status).toBe(200);
    expect((await flow.get('/private')).status).toBe(403);
    expect((await flow.get('/hello', { ...flow.keys, secretAccessKey: 'wrong' })).status).toBe(403);
    const before = await requestLog(emulator, '?limit=10000');
    await emulator.stop();
    emulator = undefined;

    const files = [requestLogFileName, `${requestLogFileName}-wal`]
      .map((name) => join(dataDir, name))
      .filter(existsSync);
    const bytes = files.map((file) => readFileSync(file).toString('latin1')).join('');
    expect(bytes).toContain(flow.keys.accessKeyId);
    for (const secret of [flow.keys.secretAccessKey, flow.keys.sessionToken, flow.token])
      expect(bytes).not.toContain(secret);
    expect(readRequestLogFile(dataDir)?.map((entry) => entry.seq)).toEqual(before.map((entry) => entry.seq).reverse());

    emulator = await startEmulator({ port: 0, logLevel: 'warn', dataDir });
    expect(await requestLog(emulator, '?limit=10000')).toEqual(before);
    expect(await requestLog(emulator, '?decision=implicit-deny')).toMatchObject([
      { resource: flow.methodArn('/private') },
    ]);
    await emulator.stop();

    emulator = await startEmulator({ port: 0, logLevel: 'warn', dataDir, requestLogSize: 3 });
    expect((await requestLog(emulator, '?limit=10000')).map((entry) => entry.seq)).toEqual(
      before.slice(0, 3).map((e) => e.seq),
    );
    await fetch(`${emulator.url}/no-such-route`);
    await emulator.stop();
    emulator = undefined;
    const kept = readRequestLogFile(dataDir)?.map((entry) => entry.seq);
    expect(kept).toEqual([
      ...before
        .slice(0, 2)
        .map((entry) => entry.seq)
        .reverse(),
      (before[0]?.seq ?? 0) + 1,
    ]);
  }, 60_000);
});
