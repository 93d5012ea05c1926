import {
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  UnlinkDeveloperIdentityCommand,
  type IdentityDescription,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { createDeveloperPool, developerProvider } from '../cognito-identity/flow-support.js';
import { useEmulator } from '../support/emulator.js';
import { Random } from '../fuzz/model-values.js';

describe('merges and unlinks racing with token calls', () => {
  const ctx = useEmulator();

  it('leave every link consistent in both directions, and never answer a 5xx', async () => {
    const { cognito } = ctx.clients;
    const { poolId } = await createDeveloperPool(ctx.clients);
    const users = Array.from({ length: 30 }, (_, index) => `racer-${index}`);
    const random = new Random(7);
    const identityOf = async (user: string) =>
      (
        await cognito.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: poolId,
            Logins: { [developerProvider]: user },
          }),
        )
      ).IdentityId as string;

    const operations = Array.from({ length: 400 }, () => {
      const user = random.pick(users);
      const other = random.pick(users);
      const kind = random.int(4);
      return async () => {
        if (kind === 0) return identityOf(user);
        if (kind === 1) {
          return cognito.send(
            new MergeDeveloperIdentitiesCommand({
              IdentityPoolId: poolId,
              DeveloperProviderName: developerProvider,
              SourceUserIdentifier: user,
              DestinationUserIdentifier: other,
            }),
          );
        }
        if (kind === 2) {
          const lookup = await cognito.send(
            new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: user }),
          );
          return cognito.send(
            new UnlinkDeveloperIdentityCommand({
              IdentityPoolId: poolId,
              IdentityId: lookup.IdentityId,
              DeveloperProviderName: developerProvider,
              DeveloperUserIdentifier: user,
            }),
          );
        }
        const target = (
          await cognito.send(
            new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: other }),
          )
        ).IdentityId;
        return cognito.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: poolId,
            IdentityId: target,
            Logins: { [developerProvider]: user },
          }),
        );
      };
    });
    const outcomes = await Promise.allSettled(operations.map((operation) => operation()));
    const serverFaults = outcomes.filter(
      (outcome) =>
        outcome.status === 'rejected' &&
        ((outcome.reason as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 500) >= 500,
    );
    expect(serverFaults).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeGreaterThan(100);

    // Every user still linked resolves to one identity, and that identity lists the user back.
    const ownerOf = new Map<string, string>();
    for (const user of users) {
      const lookup = await cognito
        .send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: user }))
        .catch(() => undefined);
      if (!lookup?.IdentityId) continue;
      ownerOf.set(user, lookup.IdentityId);
      const back = await cognito.send(
        new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: lookup.IdentityId, MaxResults: 60 }),
      );
      expect(back.DeveloperUserIdentifierList, user).toContain(user);
    }
    // Every identity's listed users resolve back to it: no login belongs to two identities.
    const identities: IdentityDescription[] = [];
    let nextToken: string | undefined;
    do {
      const page = await cognito.send(
        new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, NextToken: nextToken }),
      );
      identities.push(...(page.Identities ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    let linkedUsers = 0;
    for (const identity of identities) {
      const back = await cognito
        .send(
          new LookupDeveloperIdentityCommand({
            IdentityPoolId: poolId,
            IdentityId: identity.IdentityId,
            MaxResults: 60,
          }),
        )
        .catch(() => undefined);
      for (const user of back?.DeveloperUserIdentifierList ?? []) {
        expect(ownerOf.get(user), user).toBe(identity.IdentityId);
        linkedUsers++;
      }
    }
    expect(linkedUsers).toBe(ownerOf.size);
  }, 60_000);
});
