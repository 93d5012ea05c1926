import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, serve, type ServeProcess } from '../support/processes.js';

const run = promisify(execFile);

/** `idpool serve` prints the console's URL, and `idpool contracts run --report-to` posts its results.json there. */
describe('the console from the CLI', () => {
  let server: ServeProcess;
  beforeAll(async () => {
    server = await serve();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('serve prints the console URL, and not with --no-admin', async () => {
    await expect.poll(() => server.output()).toContain(`console: ${server.url}/_idpool/console\n`);
    const bare = await serve(['--no-admin']);
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(bare.output()).not.toContain('console:');
    } finally {
      await bare.stop();
    }
  });

  it('contracts run --report-to posts the run to the console, which lists it', async () => {
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const args = [
      'contracts',
      'run',
      '--target',
      'embedded',
      '--only',
      'create-identity-pool',
      '--report-to',
      server.url,
    ];
    const { stdout } = await run(process.execPath, [cliPath, ...args], { env, timeout: 120_000 });
    expect(stdout).toMatch(/reported to .*\(run [0-9a-f-]{36}\)/);
    const { runs } = (await (await fetch(`${server.url}/_idpool/console/api/runs`)).json()) as { runs: any[] };
    expect(runs).toHaveLength(1);
    expect(runs[0].results).toMatchObject({ tool: 'idpool', targets: [{ target: 'embedded' }] });
    expect(runs[0].results.targets[0].results.length).toBeGreaterThan(0);
  }, 120_000);

  it('a --report-to that answers no console fails the run with exit 2, saying why', async () => {
    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const args = ['contracts', 'run', '--target', 'embedded', '--only', 'create-identity-pool.response'];
    const failed = await run(process.execPath, [cliPath, ...args, '--report-to', `${server.url}/nothing`], {
      env,
      timeout: 120_000,
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain('--report-to');
  }, 120_000);
});
