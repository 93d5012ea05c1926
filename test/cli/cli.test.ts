import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allContracts } from '../../contracts/index.js';
import { localstackPrerequisites } from '../../src/targets/localstack.js';
import { builtCli, startProcess, type RunningProcess, type CliRun, runCli } from '../support/child-processes.js';
import { parseXml } from '../support/xml.js';

type UpSettings = Record<string, string> & { apiUrls: { path: string; host: string }; routes: string[] };
const upReady = /(http:\/\/[\d.]+:\d+) with the seed stack:\n[\s\S]*\n\}\n/;
const settingsIn = (printed: string) =>
  JSON.parse(printed.slice(printed.indexOf('{'), printed.lastIndexOf('}') + 1)) as UpSettings;

let cli: string;

function idpool(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return runCli(cli, args, env);
}

describe('the idpool CLI (built)', () => {
  let server: RunningProcess;
  const work = mkdtempSync(join(tmpdir(), 'idpool-cli-'));

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

  it('lists the contracts with their status', async () => {
    const { status, stdout } = await idpool(['contracts', 'list']);
    expect(status).toBe(0);
    expect(stdout).toContain(`${allContracts.length} contracts`);
    expect(stdout).toMatch(/get-open-id-token-for-developer-identity\.issued\s+validated/);
    const listed = JSON.parse((await idpool(['contracts', 'list', '--json'])).stdout) as Array<{
      id: string;
      source: { ref: string };
    }>;
    expect(listed.map((contract) => contract.id)).toEqual(allContracts.map((contract) => contract.id));
  });

  it('exports the contracts as JSON Schema', async () => {
    const out = join(work, 'schemas.json');
    expect((await idpool(['contracts', 'schema', '--out', out])).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { contracts: Record<string, { $schema: string }> };
    expect(Object.keys(exported.contracts)).toHaveLength(allContracts.length);
  });

  it('runs the whole suite against `idpool serve` in another process, with every report', async () => {
    const out = join(work, 'reports');
    const args = [
      'contracts',
      'run',
      '--target',
      'endpoint',
      '--endpoint',
      server.url,
      '--reporter',
      'pretty',
      '--reporter',
      'junit',
      '--reporter',
      'markdown',
      '--reporter',
      'json',
      '--out',
      out,
    ];
    const { status, stdout } = await idpool(args);
    expect(stdout).toMatch(
      new RegExp(`endpoint: ${allContracts.length} passed, 0 failed, 0 not run — contracts \\d+\\.\\d\\d s`),
    );
    expect(status).toBe(0);
    const junit = parseXml(readFileSync(join(out, 'junit.xml'), 'utf8'));
    expect(junit.children[0]?.attributes).toMatchObject({
      name: 'endpoint',
      tests: String(allContracts.length),
      failures: '0',
    });
    expect(readFileSync(join(out, 'matrix.md'), 'utf8')).toContain('| contract | status | endpoint |');
    expect(
      (
        JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
          targets: Array<{ summary: { passed: number } }>;
        }
      ).targets[0]?.summary.passed,
    ).toBe(allContracts.length);
  });

  it('records snapshots from one target and compares another with them', async () => {
    const recordings = join(work, 'snapshots');
    const recorded = await idpool([
      'contracts',
      'record',
      '--target',
      'endpoint',
      '--endpoint',
      server.url,
      '--out',
      recordings,
    ]);
    expect(recorded.status).toBe(0);
    expect(existsSync(join(recordings, 'endpoint.snapshot.json'))).toBe(true);
    const compared = await idpool(['contracts', 'run', '--target', 'embedded', '--compare-snapshots', recordings]);
    expect(compared.stdout).not.toContain('snapshot (endpoint)');
    expect(compared.status).toBe(0);
  });

  it('runs the flow once and prints each step with the secrets redacted', async () => {
    const { status, stdout } = await idpool(['flow', '--target', 'endpoint', '--endpoint', server.url]);
    expect(stdout).toContain('✓ backend: GetOpenIdTokenForDeveloperIdentity');
    expect(stdout).toContain('SecretKey <redacted>, SessionToken <redacted>');
    expect(stdout).toMatch(
      /Arn arn:aws:sts::000000000000:assumed-role\/idpool-[a-z0-9]+-auth\/CognitoIdentityCredentials/,
    );
    expect(stdout).toContain('"message":"Hello user"');
    expect(stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(status).toBe(0);
  });

  it('up serves the emulator with the seed stack and prints what an app needs', async () => {
    const up = await startProcess(process.execPath, [cli, 'up', '--port', '0', '--no-settings-file'], upReady);
    try {
      const settings = settingsIn(up.output());
      expect(settings).toMatchObject({
        endpoint: up.url,
        region: 'us-east-1',
        identityPoolId: expect.stringMatching(/^us-east-1:/),
        developerProviderName: expect.stringMatching(/^login\.idpool\./),
      });
      // The path form works from any HTTP client; the host form where *.localhost resolves. Both are labelled.
      const apiId = /restapis\/([a-z0-9]+)\//.exec(settings.apiUrl)?.[1];
      expect(settings.apiUrl).toBe(`${up.url}/restapis/${apiId}/dev/_user_request_`);
      const host = `http://${apiId}.execute-api.localhost:${new URL(up.url).port}/dev`;
      expect(settings.apiUrls).toEqual({ path: settings.apiUrl, host });
      expect(settings.routes).toEqual([
        `GET ${settings.apiUrl}/hello: AWS_IAM, AWS_PROXY`,
        `GET ${settings.apiUrl}/private: AWS_IAM, AWS_PROXY`,
        `OPTIONS ${settings.apiUrl}/hello: NONE, MOCK`,
        `OPTIONS ${settings.apiUrl}/private: NONE, MOCK`,
      ]);
      expect(settings.credentials).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
      const answer = await fetch(`${settings.apiUrl}/hello`);
      expect(answer.status).toBe(403);
      const flow = await idpool([
        'contracts',
        'run',
        '--target',
        `up=${up.url}`,
        '--only',
        'get-open-id-token-for-developer-identity.issued',
      ]);
      expect(flow.status).toBe(0);
    } finally {
      await up.stop();
    }
  });

  it('up with --data-dir serves the same stack after a restart, and says so when a reset removed it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'idpool-up-'));
    const upOnce = async (extra: string[] = [], between?: (url: string) => Promise<void>) => {
      const args = [cli, 'up', '--port', '0', '--data-dir', dataDir, '--no-settings-file', ...extra];
      const up = await startProcess(process.execPath, args, upReady);
      try {
        const printed = up.output();
        await between?.(up.url);
        return { printed, settings: settingsIn(printed) };
      } finally {
        await up.stop();
      }
    };
    const names = ['--pool-name', 'my-app-pool', '--developer-provider-name', 'test.login'];
    const reset = async (url: string) => void (await fetch(`${url}/_idpool/reset`, { method: 'POST' }));
    const first = await upOnce(names, reset);
    expect(first.settings.developerProviderName).toBe('test.login');
    const second = await upOnce(names);
    expect(second.printed).toMatch(/the stack kept in .*up-stack\.json is no longer in the state /);
    expect(second.printed).toMatch(/\(pool us-east-1:[\w-]+ and API \w+ not found: reset with POST \/_idpool\/reset/);
    expect(second.printed).toContain('provisioning a new one, with new ids');
    expect(second.settings.identityPoolId).not.toBe(first.settings.identityPoolId);
    expect(second.settings.developerProviderName).toBe('test.login');
    const third = await upOnce(['--developer-provider-name', 'other.login']);
    expect(third.printed).toContain('serving the stack kept in');
    expect(third.printed).toContain('--developer-provider-name other.login ignored: the kept stack has test.login');
    expect(third.settings.identityPoolId).toBe(second.settings.identityPoolId);
    expect(new URL(third.settings.apiUrls.host).hostname).toBe(new URL(second.settings.apiUrls.host).hostname);
  });

  it('reports a localstack target without a container runtime as not run, exit 3', async () => {
    const env = { ...process.env, LOCALSTACK_AUTH_TOKEN: '' };
    const missing = await localstackPrerequisites(env);
    if (!missing.some((reason) => reason.startsWith('no container runtime'))) return;
    const { status, stdout } = await idpool(['contracts', 'run', '--target', 'localstack'], env);
    expect(stdout).toContain('localstack: not run — LocalStack cannot start: no container runtime');
    expect(stdout).toContain('no LOCALSTACK_AUTH_TOKEN');
    expect(stdout).not.toContain('passed,');
    expect(status).toBe(3);
  });

  it('refuses the aws target without --yes-create-resources (exit 3) and bad options (exit 2)', async () => {
    const aws = await idpool(['contracts', 'run', '--target', 'aws']);
    expect(aws.stdout).toContain('aws: not run — the aws target creates billable resources');
    expect(aws.status).toBe(3);
    const bad = await idpool(['contracts', 'run', '--target', 'nowhere']);
    expect(bad.stderr).toContain("unknown target 'nowhere'");
    expect(bad.status).toBe(2);
    expect((await idpool(['contracts', 'run', '--no-such-option'])).status).toBe(2);
  });
});
