import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtCli, startProcess, type RunningProcess, type CliRun, runCli } from '../support/child-processes.js';

let cli: string;

function idpool(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return runCli(cli, args, env);
}

/** Processes whose command line contains `marker` (Linux's /proc; none elsewhere). */
function processesWith(marker: string): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) &&
          !readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sh')
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('the CLI says what it does', () => {
  let server: RunningProcess;

  beforeAll(async () => {
    cli = builtCli();
    server = await startProcess(
      process.execPath,
      [cli, 'serve', '--port', '0', '--log-level', 'warn'],
      /idpool ready at (http:\/\/[\d.]+:\d+)/,
    );
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('--endpoint alone means the endpoint target, and with other targets it is refused', async () => {
    const flow = await idpool(['flow', '--endpoint', server.url]);
    expect(flow.stdout).toContain(`endpoint: idpool emulator at ${server.url}`);
    expect(flow.status).toBe(0);
    const mixed = await idpool(['contracts', 'run', '--target', 'embedded', '--endpoint', server.url]);
    expect(mixed.stderr).toContain(`--endpoint ${server.url} is only for --target endpoint`);
    expect(mixed.status).toBe(2);
  });

  it('flow and cleanup take one target, and cleanup offers no option it does not use', async () => {
    const flowHelp = (await idpool(['flow', '--help'])).stdout;
    expect(flowHelp).toContain('--target <target>');
    expect(flowHelp).not.toMatch(/repeat/);
    const twice = await idpool(['flow', '--target', 'embedded', '--target', 'aws']);
    expect(twice.stderr).toContain('this command runs on one target');
    expect(twice.status).toBe(2);
    const cleanupHelp = (await idpool(['cleanup', '--help'])).stdout;
    for (const unused of [
      '--yes-create-resources',
      '--stack',
      '--localstack-image',
      'embedded',
      'localstack',
      'repeat',
    ])
      expect(cleanupHelp).not.toContain(unused);
  });

  it('no help shows `(default: [])`', async () => {
    const commands = [
      ['contracts', 'run'],
      ['contracts', 'record'],
      ['flow'],
      ['cleanup'],
      ['serve'],
      ['up'],
      ['state', 'export'],
    ];
    const helps = await Promise.all(commands.map((command) => idpool([...command, '--help'])));
    commands.forEach((command, index) => {
      const help = helps[index]?.stdout ?? '';
      expect(help, command.join(' ')).toContain('Usage: idpool');
      expect(help, command.join(' ')).not.toContain('(default: [])');
    });
  });

  it('a target that cannot start says why on stderr, even when the only reporter writes a file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'idpool-junit-'));
    const run = await idpool(['contracts', 'run', '--target', 'aws', '--reporter', 'junit', '--out', out]);
    expect(run.stderr).toContain('idpool: aws not run: the aws target creates billable resources');
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('billable resources');
    expect(run.status).toBe(3);
    const flow = await idpool(['flow', '--target', 'aws']);
    expect(flow.stderr).toContain('idpool: aws could not start: the aws target creates billable resources');
    expect(flow.status).toBe(3);
  });

  it('without a terminal the summary is printed once', async () => {
    const run = await idpool(['contracts', 'run', '--target', 'aws']);
    expect(run.stdout.match(/^aws: not run — /gm)).toHaveLength(1);
    const ran = await idpool([
      'contracts',
      'run',
      '--target',
      `up=${server.url}`,
      '--only',
      'get-open-id-token-for-developer-identity.issued',
    ]);
    expect(ran.stdout.match(/^up: 1 passed, 0 failed/gm)).toHaveLength(1);
    expect(ran.status).toBe(0);
  });

  it("under npm exec (npx idpool serve: a `sh -c` dying of npm's SIGTERM), serve stops with its shell", async () => {
    // npm exec runs the bin through `sh -c`; the `; true` keeps the shell from exec-ing node, as dash does there.
    const env = { ...process.env, npm_command: 'exec' };
    // A unique account id finds the serve process again, to end it should this test fail.
    const marker = String(Math.floor(Math.random() * 1e12)).padStart(12, '1');
    const command = `"${process.execPath}" "${cli}" serve --port 0 --log-level warn --account-id ${marker}; true`;
    const shell = await startProcess('sh', ['-c', command], /idpool ready at (http:\/\/[\d.]+:\d+)/, 30_000, env);
    try {
      expect((await fetch(`${shell.url}/_idpool/health`)).status).toBe(200);
      await shell.stop();
      const deadline = Date.now() + 10_000;
      let stopped = false;
      while (!stopped && Date.now() < deadline) {
        stopped = await fetch(`${shell.url}/_idpool/health`).then(
          () => false,
          () => true,
        );
        if (!stopped) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(stopped).toBe(true);
    } finally {
      for (const pid of processesWith(marker)) process.kill(pid, 'SIGKILL');
    }
  });

  it('the test run keeps its temp folders under one folder that is removed when it ends', () => {
    expect(tmpdir()).toMatch(/idpool-test-run-\w+$/);
  });
});
