import {
  CreateIdentityPoolCommand,
  ListIdentitiesCommand,
  type IdentityDescription,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import type { Clients } from '../support/emulator.js';
import { useEmulator } from '../support/emulator.js';
import { developerProvider, developerToken, uniqueName } from './flow-support.js';

async function developerPool(clients: Clients): Promise<string> {
  const pool = await clients.cognito.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: uniqueName('pool'),
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: developerProvider,
    }),
  );
  return pool.IdentityPoolId as string;
}

async function allIdentities(clients: Clients, poolId: string): Promise<IdentityDescription[]> {
  const identities: IdentityDescription[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.cognito.send(
      new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, NextToken: nextToken }),
    );
    identities.push(...(page.Identities ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return identities;
}

describe('concurrent first requests for developer users', () => {
  const ctx = useEmulator();

  it('creates exactly one identity when 200 first requests for one user arrive at once', async () => {
    const poolId = await developerPool(ctx.clients);
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => developerToken(ctx.clients, poolId, 'same-user')),
    );
    expect(new Set(answers.map((answer) => answer.identityId)).size).toBe(1);
    expect(await allIdentities(ctx.clients, poolId)).toHaveLength(1);
  });

  it(
    'creates exactly 20 identities for 200 concurrent requests over 20 users, ' + 'each user always the same one',
    async () => {
      const poolId = await developerPool(ctx.clients);
      const users = Array.from({ length: 200 }, (_, index) => `user-${index % 20}`);
      const answers = await Promise.all(users.map((user) => developerToken(ctx.clients, poolId, user)));
      const byUser = new Map<string, Set<string>>();
      answers.forEach((answer, index) => {
        const user = users[index] as string;
        byUser.set(user, (byUser.get(user) ?? new Set()).add(answer.identityId));
      });
      expect(byUser.size).toBe(20);
      for (const identities of byUser.values()) expect(identities.size).toBe(1);
      expect(new Set(answers.map((answer) => answer.identityId)).size).toBe(20);
      expect(await allIdentities(ctx.clients, poolId)).toHaveLength(20);
    },
  );
});
