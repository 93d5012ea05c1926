import {
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  type IdentityDescription,
} from '@aws-sdk/client-cognito-identity';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientsFor } from '../support/emulator.js';
import { cliPath, serve } from '../support/processes.js';

describe('idpool seed identities', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fills a pool on disk that the emulator then serves: ' +
    'lookups find each user, ListIdentities pages through all', async () => {
    const count = 20_000;
    const seeded = execFileSync(
      process.execPath,
      [cliPath, 'seed', 'identities', '--data-dir', dataDir, '--count', String(count)],
      { encoding: 'utf8' },
    );
    const poolId = /in pool (\S+) in/.exec(seeded)?.[1] as string;
    expect(seeded).toContain(`seeded ${count} new identities`);

    const again = execFileSync(
      process.execPath,
      [cliPath, 'seed', 'identities', '--data-dir', dataDir, '--count', '10', '--pool-id', poolId],
      { encoding: 'utf8' },
    );
    expect(again).toContain('seeded 0 new identities');

    const server = await serve(['--data-dir', dataDir]);
    try {
      const { cognito } = clientsFor({ url: server.url, region: 'us-east-1' });
      const lookup = await cognito.send(
        new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-12345' }),
      );
      expect(lookup.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
      const back = await cognito.send(
        new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: lookup.IdentityId }),
      );
      expect(back.DeveloperUserIdentifierList).toEqual(['user-12345']);

      const seen = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await cognito.send(
          new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, NextToken: nextToken }),
        );
        for (const identity of page.Identities ?? ([] as IdentityDescription[]))
          seen.add(identity.IdentityId as string);
        nextToken = page.NextToken;
      } while (nextToken);
      expect(seen.size).toBe(count);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
