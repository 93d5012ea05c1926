import {
  GetCredentialsForIdentityCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  type IdentityDescription,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeveloperPool, developerProvider, developerToken } from '../cognito-identity/flow-support.js';
import { clientsFor, type Clients } from '../support/emulator.js';
import { serve } from '../support/processes.js';

const lambdaTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

interface Acknowledged {
  identities: Map<string, string>;
  merges: { source: string; destination: string; identityId: string }[];
  /**
   * Merges sent but never answered (the kill came first), by source user: the emulator may have committed one before
   * it died, so its source user may be found on either identity, and its source identity may be left empty.
   */
  unanswered: Map<string, string>;
  roles: string[];
  tokens: { identityId: string; token: string }[];
}

/** Identities each round acknowledges before its kill is timed: a loaded machine still writes enough before it. */
const identitiesBeforeKill = 25;

/**
 * Writes from several clients until the process dies; records only what the emulator acknowledged. The kill comes
 * `killAfterMs` after the round's first writes were acknowledged, in the middle of whatever is then in flight.
 */
async function writeUntilKilled(
  clients: Clients,
  poolId: string,
  round: number,
  acknowledged: Acknowledged,
  killAfterMs: number,
  kill: () => void,
): Promise<void> {
  let dead = false;
  let killer: NodeJS.Timeout | undefined;
  let identitiesThisRound = 0;
  const acknowledge = () => {
    if (++identitiesThisRound !== identitiesBeforeKill) return;
    killer = setTimeout(() => {
      dead = true;
      kill();
    }, killAfterMs);
  };
  const worker = async (client: number) => {
    for (let index = 0; !dead; index++) {
      const user = `r${round}-c${client}-${index}`;
      try {
        if (index % 10 === 9) {
          const roleName = `r${round}-c${client}-role-${index}`;
          await clients.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: lambdaTrust }));
          acknowledged.roles.push(roleName);
        } else if (index % 10 === 5 && acknowledged.identities.size > 2) {
          const source = `r${round}-c${client}-${index - 1}`;
          const destination = `r${round}-c${client}-${index - 2}`;
          if (!acknowledged.identities.has(source) || !acknowledged.identities.has(destination)) continue;
          acknowledged.unanswered.set(source, destination);
          const merged = await clients.cognito.send(
            new MergeDeveloperIdentitiesCommand({
              IdentityPoolId: poolId,
              DeveloperProviderName: developerProvider,
              SourceUserIdentifier: source,
              DestinationUserIdentifier: destination,
            }),
          );
          acknowledged.unanswered.delete(source);
          acknowledged.merges.push({ source, destination, identityId: merged.IdentityId as string });
        } else {
          const answer = await developerToken(clients, poolId, user);
          acknowledged.identities.set(user, answer.identityId);
          acknowledge();
          if (index % 25 === 0) acknowledged.tokens.push(answer);
        }
      } catch (error) {
        if (!dead) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, client) => worker(client)));
  if (killer) clearTimeout(killer);
}

describe('SIGKILL at any moment loses no acknowledged change and leaves nothing half-written', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idpool-sigkill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged identity, link, merge, role and signing key across three kills', async () => {
    const acknowledged: Acknowledged = {
      identities: new Map(),
      merges: [],
      unanswered: new Map(),
      roles: [],
      tokens: [],
    };
    let server = await serve(['--data-dir', dataDir]);
    const pool = await createDeveloperPool(clientsFor({ url: server.url, region: 'us-east-1' }));

    for (const [round, killAfterMs] of [
      [1, 300],
      [2, 133],
      [3, 511],
    ] as const) {
      const clients = clientsFor({ url: server.url, region: 'us-east-1' });
      const killed = server;
      await writeUntilKilled(clients, pool.poolId, round, acknowledged, killAfterMs, () =>
        killed.child.kill('SIGKILL'),
      );
      await new Promise((resolve) =>
        killed.child.exitCode !== null || killed.child.signalCode !== null
          ? resolve(undefined)
          : killed.child.once('exit', resolve),
      );
      expect(killed.child.signalCode).toBe('SIGKILL');
      server = await serve(['--data-dir', dataDir]);
    }

    try {
      const { cognito, iam } = clientsFor({ url: server.url, region: 'us-east-1' });
      expect(acknowledged.identities.size).toBeGreaterThan(50);
      const mergedSources = new Map(acknowledged.merges.map((merge) => [merge.source, merge]));
      for (const [user, identityId] of acknowledged.identities) {
        const expected = mergedSources.get(user)?.identityId ?? identityId;
        const unansweredInto = acknowledged.unanswered.get(user);
        const lookup = await cognito.send(
          new LookupDeveloperIdentityCommand({ IdentityPoolId: pool.poolId, DeveloperUserIdentifier: user }),
        );
        const merge = mergedSources.get(user);
        const story = merge ? `${user}: own identity ${identityId}, merged into ${merge.destination}` : user;
        if (unansweredInto === undefined) expect(lookup.IdentityId, story).toBe(expected);
        else expect([identityId, acknowledged.identities.get(unansweredInto)], user).toContain(lookup.IdentityId);
      }
      for (const roleName of acknowledged.roles) {
        expect((await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role?.RoleName).toBe(roleName);
      }

      // Nothing half-written: every identity that is not the emptied source of a merge has its developer login.
      const listed: IdentityDescription[] = [];
      let nextToken: string | undefined;
      do {
        const page = await cognito.send(
          new ListIdentitiesCommand({ IdentityPoolId: pool.poolId, MaxResults: 60, NextToken: nextToken }),
        );
        listed.push(...(page.Identities ?? []));
        nextToken = page.NextToken;
      } while (nextToken);
      const emptiedByMerge = new Set(
        [...acknowledged.merges.map((merge) => merge.source), ...acknowledged.unanswered.keys()].map((source) =>
          acknowledged.identities.get(source),
        ),
      );
      for (const identity of listed) {
        if (emptiedByMerge.has(identity.IdentityId)) continue;
        expect(identity.Logins, identity.IdentityId).toContain(developerProvider);
      }

      // Tokens issued before the kills still verify: the signing keys were kept.
      for (const { identityId, token } of acknowledged.tokens.slice(0, 5)) {
        if (emptiedByMerge.has(identityId)) continue;
        const credentials = await cognito.send(
          new GetCredentialsForIdentityCommand({
            IdentityId: identityId,
            Logins: { 'cognito-identity.amazonaws.com': token },
          }),
        );
        expect(credentials.Credentials?.AccessKeyId).toMatch(/^ASIA/);
      }
    } finally {
      await server.stop();
    }
  }, 120_000);
});
