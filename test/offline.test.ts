import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../emulator/index.js';
import { packageRoot } from '../emulator/package-root.js';

function* users(count: number): Generator<string> {
  for (let index = 0; index < count; index++) yield `user-${index}`;
}

describe('the offline API (openDataDir), in process', () => {
  const folder = mkdtempSync(join(tmpdir(), 'idpool-offline-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('seeds a new pool, seeds it again without duplicates, and moves the state to another data dir', async () => {
    const source = openDataDir(join(folder, 'source'), { region: 'eu-west-1', accountId: '123456789012' });
    let poolId: string;
    let exported: ReturnType<typeof source.exportState>;
    try {
      const first = await source.seedIdentities({
        userIds: users(500),
        newPool: { name: 'p', developerProviderName: 'x.login' },
      });
      poolId = first.poolId;
      expect(first).toEqual({
        poolId: expect.stringMatching(/^eu-west-1:[0-9a-f-]{36}$/),
        developerProviderName: 'x.login',
        created: 500,
      });
      expect(await source.seedIdentities({ userIds: users(600), poolId })).toMatchObject({ poolId, created: 100 });
      exported = source.exportState();
      expect(exported.includesSecrets).toBe(false);
      expect(exported.tables.cognito_identities).toHaveLength(600);
      expect(exported.tables.cognito_identity_pools?.[0]).toMatchObject({
        pool_id: poolId,
        account_id: '123456789012',
      });
    } finally {
      await source.close();
    }

    const target = openDataDir(join(folder, 'target'));
    try {
      expect(target.importState(exported)).toMatchObject({ rows: expect.any(Number) });
      expect(target.exportState().tables.cognito_logins).toHaveLength(600);
      expect(await target.seedIdentities({ userIds: users(600), poolId })).toMatchObject({ created: 0 });
    } finally {
      await target.close();
    }
  });

  it('refuses an unknown pool, and a seed that names no pool at all', async () => {
    const state = openDataDir(join(folder, 'empty'));
    try {
      await expect(state.seedIdentities({ userIds: users(1), poolId: 'us-east-1:nope' })).rejects.toThrow(
        `no identity pool us-east-1:nope in ${join(folder, 'empty')}`,
      );
      await expect(state.seedIdentities({ userIds: users(1) })).rejects.toThrow('needs the poolId');
    } finally {
      await state.close();
    }
  });
});

describe('the published idpool/emulator entry', () => {
  // Built by `npm test` before vitest runs; follows every declaration file the entry's types reach.
  it('declares no internal of the emulator (its runtime, stores or services) in its types', () => {
    const entry = join(packageRoot, 'dist/emulator/index.d.ts');
    expect(existsSync(entry)).toBe(true);
    const seen = new Set<string>();
    const pending = [entry];
    while (pending.length > 0) {
      const file = pending.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/(?:from |import\()['"](\.[^'"]+)\.js['"]/g))
        pending.push(resolve(dirname(file), `${specifier}.d.ts`));
    }
    const reached = [...seen].map((file) => file.slice(join(packageRoot, 'dist/').length)).sort();
    expect(reached).toEqual([
      'emulator/config.d.ts',
      'emulator/index.d.ts',
      'emulator/offline.d.ts',
      'emulator/store/exported-state.d.ts',
    ]);
    for (const file of seen) expect(readFileSync(file, 'utf8')).not.toMatch(/EmulatorRuntime|Store\b/);
  });
});
