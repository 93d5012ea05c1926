import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../emulator/package-root.js';
import { builtCli, startProcess, type RunningProcess } from '../support/child-processes.js';
import { readmeSnippet } from '../support/readme-snippet.js';

describe("the README's client snippet, run as written after `idpool up`", () => {
  const app = mkdtempSync(join(tmpdir(), 'idpool-readme-'));
  let up: RunningProcess;

  beforeAll(async () => {
    const cli = builtCli();
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(packageRoot, join(app, 'node_modules', 'idpool'));
    up = await startProcess(
      process.execPath,
      [cli, 'up', '--port', '0'],
      /\(also in (.+idpool-up\.json)\)/,
      60_000,
      process.env,
      { cwd: app },
    );
  }, 120_000);
  afterAll(async () => {
    await up?.stop();
  });

  it('says where the settings are, and the snippet gets "Hello user" from the API', () => {
    expect(up.url).toBe(join(app, 'idpool-up.json'));
    writeFileSync(join(app, 'client.mjs'), readmeSnippet('client'));
    const run = spawnSync(process.execPath, ['client.mjs'], { cwd: app, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^200 \{"message":"Hello user","cognitoIdentityId":"us-east-1:[0-9a-f-]+"/);
    expect(run.status).toBe(0);
  });
});
