import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cognitoRequest } from './aws-requests.js';
import { benchCredentials, createBenchPool } from './cognito-setup.js';
import { cliPath, spawnIdpool } from './processes.js';

export interface ConsoleRouteRow {
  route: string;
  p50Ms: number;
  maxMs: number;
}

/** The bound for every console page at 1,000,000 identities. */
const boundMs = 300;

async function timed(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return ms;
}

/**
 * Every console API route, timed over HTTP against `idpool serve` on a data dir seeded with `identities` developer
 * identities (`idpool seed identities`): p50 and max of `samples` sequential calls each.
 */
export async function measureConsoleAtScale(identities: number, samples: number): Promise<ConsoleRouteRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-console-'));
  try {
    const seeded = execFileSync(
      process.execPath,
      [cliPath, 'seed', 'identities', '--data-dir', dataDir, '--count', String(identities)],
      { encoding: 'utf8' },
    );
    const poolId = /in pool (\S+) in ([\d.]+) s/.exec(seeded)?.[1] as string;
    const server = await spawnIdpool(['--data-dir', dataDir]);
    try {
      const small = await createBenchPool(server.url, 'us-east-1', true);
      for (let user = 0; user < 20; user++) {
        const request = cognitoRequest(
          server.url,
          'us-east-1',
          'GetOpenIdTokenForDeveloperIdentity',
          { IdentityPoolId: poolId, Logins: { 'test.login': `user-${user * 49_999}` } },
          benchCredentials,
        );
        await fetch(request.url, { method: 'POST', headers: withoutHost(request.headers), body: request.body });
      }
      const api = `${server.url}/_idpool/console/api`;
      const pool = encodeURIComponent(poolId);
      const json = async (path: string) => (await (await fetch(`${api}/${path}`)).json()) as Record<string, any>;
      const firstPage = await json(`pools/${pool}/identities?limit=200`);
      const identity = firstPage.identities[150].identityId as string;
      const requests = (await json('requests')).requests as { requestId: string }[];
      const roleName = small.roleArn.split('/').pop() as string;
      const guid = identity.split(':')[1] as string;
      const middle = `user-${Math.floor(identities / 2)}`;
      const routes: [string, string][] = [
        ['overview', 'overview'],
        ['pools', 'pools'],
        ['pools/:id', `pools/${pool}`],
        ['pools/:id/identities (first page)', `pools/${pool}/identities`],
        [
          'pools/:id/identities (next page, limit 200)',
          `pools/${pool}/identities?limit=200&nextToken=${firstPage.nextToken}`,
        ],
        ['identities search: identity id', `pools/${pool}/identities?search=${encodeURIComponent(identity)}`],
        ['identities search: developer user id', `pools/${pool}/identities?search=${middle}`],
        ['identities search: user id prefix', `pools/${pool}/identities?search=${middle.slice(0, -2)}`],
        ['identities search: identity id prefix', `pools/${pool}/identities?search=${guid.slice(0, 6)}`],
        ['identities search: no match', `pools/${pool}/identities?search=nobody-at-all`],
        ['identities/:id', `identities/${encodeURIComponent(identity)}`],
        ['roles', 'roles'],
        ['roles/:name', `roles/${roleName}`],
        ['apis', 'apis'],
        ['functions', 'functions'],
        ['requests', 'requests?limit=200'],
        ['requests (filtered)', 'requests?decision=denied&service=cognito-identity'],
        ['requests/:id', `requests/${requests[0]?.requestId}`],
        ['runs', 'runs'],
      ];
      const rows: ConsoleRouteRow[] = [];
      for (const [route, path] of routes) {
        const times: number[] = [];
        for (let sample = 0; sample < samples; sample++) times.push(await timed(`${api}/${path}`));
        times.sort((a, b) => a - b);
        rows.push({ route, p50Ms: times[Math.floor((times.length - 1) / 2)] as number, maxMs: times.at(-1) as number });
      }
      return rows;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function withoutHost(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !['host', 'content-length'].includes(name.toLowerCase())),
  );
}

/** One line per route, and whether each stays within the bound. */
export function consoleLines(identities: number, rows: ConsoleRouteRow[]): string[] {
  return rows.map((row) => {
    const verdict = row.maxMs < boundMs ? 'ok' : `OVER ${boundMs} ms`;
    const count = identities.toLocaleString('en-US');
    const times = `p50 ${row.p50Ms.toFixed(1)} ms, max ${row.maxMs.toFixed(1)} ms`;
    return `▸ console ${row.route} at ${count} identities: ${times} (${verdict})`;
  });
}

if (process.argv[1]?.endsWith('console-pages.js') || process.argv[1]?.endsWith('console-pages.ts')) {
  const count = Number(process.argv[process.argv.indexOf('--identities') + 1] ?? '') || 1_000_000;
  measureConsoleAtScale(count, 20).then(
    (rows) => {
      for (const line of consoleLines(count, rows)) process.stdout.write(`${line}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
