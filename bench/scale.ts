import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cognitoRequest } from './aws-requests.js';
import { benchCredentials } from './cognito-setup.js';
import { expectStatus, runLoad } from './http-load.js';
import { cliPath, rssMiB, spawnIdpool } from './processes.js';

export interface ScaleRow {
  identities: number;
  seedSeconds: number;
  tokenP50Ms: number;
  tokenP99Ms: number;
  tokenPerSecond: number;
  lookupP50Ms: number;
  lookupP99Ms: number;
  lookupPerSecond: number;
  /** Seconds to page through every identity with ListIdentities (MaxResults 60). */
  listAllSeconds?: number;
  listedIdentities?: number;
  rssMiB: number;
}

/**
 * Latency of GetOpenIdTokenForDeveloperIdentity (existing users) and LookupDeveloperIdentity in a pool of
 * `identities`, seeded into a data dir with `idpool seed identities`, one client, random users.
 */
export async function measureAtScale(identities: number, loadMs: number, listAll: boolean): Promise<ScaleRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-scale-'));
  try {
    const seeded = execFileSync(
      process.execPath,
      [cliPath, 'seed', 'identities', '--data-dir', dataDir, '--count', String(identities)],
      { encoding: 'utf8' },
    );
    const poolId = /in pool (\S+) in ([\d.]+) s/.exec(seeded)?.[1] as string;
    const seedSeconds = Number(/in ([\d.]+) s$/m.exec(seeded)?.[1]);
    const server = await spawnIdpool(['--data-dir', dataDir]);
    try {
      const user = () => `user-${Math.floor(Math.random() * identities)}`;
      const token = await runLoad({
        concurrency: 1,
        durationMs: loadMs,
        work: async (_client, _iteration, send) => {
          const request = cognitoRequest(
            server.url,
            'us-east-1',
            'GetOpenIdTokenForDeveloperIdentity',
            { IdentityPoolId: poolId, Logins: { 'test.login': user() } },
            benchCredentials,
          );
          expectStatus(await send(request), 200, 'token');
        },
      });
      const lookup = await runLoad({
        concurrency: 1,
        durationMs: loadMs,
        work: async (_client, _iteration, send) => {
          const request = cognitoRequest(
            server.url,
            'us-east-1',
            'LookupDeveloperIdentity',
            { IdentityPoolId: poolId, DeveloperUserIdentifier: user(), MaxResults: 10 },
            benchCredentials,
          );
          expectStatus(await send(request), 200, 'lookup');
        },
      });
      const row: ScaleRow = {
        identities,
        seedSeconds,
        tokenP50Ms: token.p50Ms,
        tokenP99Ms: token.p99Ms,
        tokenPerSecond: token.callsPerSecond,
        lookupP50Ms: lookup.p50Ms,
        lookupP99Ms: lookup.p99Ms,
        lookupPerSecond: lookup.callsPerSecond,
        rssMiB: 0,
      };
      if (listAll) {
        const started = performance.now();
        let listed = 0;
        let nextToken: string | undefined;
        do {
          const response = await fetch(
            server.url,
            cognitoFetchInit(server.url, {
              IdentityPoolId: poolId,
              MaxResults: 60,
              ...(nextToken ? { NextToken: nextToken } : {}),
            }),
          );
          const page = (await response.json()) as { Identities?: unknown[]; NextToken?: string };
          listed += page.Identities?.length ?? 0;
          nextToken = page.NextToken;
        } while (nextToken);
        row.listAllSeconds = (performance.now() - started) / 1000;
        row.listedIdentities = listed;
      }
      row.rssMiB = rssMiB(server.child.pid as number);
      return row;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function cognitoFetchInit(url: string, input: unknown): RequestInit {
  const request = cognitoRequest(url, 'us-east-1', 'ListIdentities', input, benchCredentials);
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !['host', 'content-length'].includes(name.toLowerCase())),
  );
  return { method: 'POST', headers, body: request.body };
}
