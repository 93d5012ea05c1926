import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { awsError, rootCredentials, useEmulator } from '../support/emulator.js';
import { uniqueName } from './flow-support.js';

describe('identity pools', () => {
  const ctx = useEmulator();
  const poolArn = (poolId: string) =>
    `arn:aws:cognito-identity:${ctx.emulator.region}:${ctx.emulator.accountId}:identitypool/${poolId}`;

  it('creates, describes, updates and deletes a pool', async () => {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'My pool',
        AllowUnauthenticatedIdentities: true,
        AllowClassicFlow: false,
        DeveloperProviderName: 'login.example',
        SupportedLoginProviders: { 'graph.facebook.com': '1234567890' },
        OpenIdConnectProviderARNs: [`arn:aws:iam::${ctx.emulator.accountId}:oidc-provider/example.auth0.com`],
        IdentityPoolTags: { env: 'test' },
      }),
    );
    expect(created.IdentityPoolId).toMatch(
      new RegExp(`^${ctx.emulator.region}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`),
    );
    const poolId = created.IdentityPoolId!;
    const described = await ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    const { $metadata: _ignored, ...pool } = described;
    expect(pool).toEqual({
      IdentityPoolId: poolId,
      IdentityPoolName: 'My pool',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
      DeveloperProviderName: 'login.example',
      SupportedLoginProviders: { 'graph.facebook.com': '1234567890' },
      OpenIdConnectProviderARNs: [`arn:aws:iam::${ctx.emulator.accountId}:oidc-provider/example.auth0.com`],
      IdentityPoolTags: { env: 'test' },
    });

    // Leaving DeveloperProviderName out keeps it; the other settings take their defaults.
    const updated = await ctx.clients.cognito.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: poolId,
        IdentityPoolName: 'Renamed',
        AllowUnauthenticatedIdentities: false,
      }),
    );
    expect(updated.IdentityPoolName).toBe('Renamed');
    expect(updated.DeveloperProviderName).toBe('login.example');
    expect(updated.SupportedLoginProviders).toBeUndefined();
    expect(updated.OpenIdConnectProviderARNs).toBeUndefined();
    expect(updated.AllowClassicFlow).toBeUndefined();
    expect(updated.IdentityPoolTags).toEqual({ env: 'test' });

    await ctx.clients.cognito.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId }));
    const gone = await awsError(ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId })));
    expect([gone.name, gone.message, gone.$metadata.httpStatusCode]).toEqual([
      'ResourceNotFoundException',
      `IdentityPool '${poolId}' not found.`,
      400,
    ]);
    const deleteAgain = await awsError(
      ctx.clients.cognito.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId })),
    );
    expect([deleteAgain.name, deleteAgain.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
  });

  it('refuses to change the developer provider once set', async () => {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'fixed',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'first.provider',
      }),
    );
    const error = await awsError(
      ctx.clients.cognito.send(
        new UpdateIdentityPoolCommand({
          IdentityPoolId: created.IdentityPoolId,
          IdentityPoolName: 'fixed',
          AllowUnauthenticatedIdentities: false,
          DeveloperProviderName: 'second.provider',
        }),
      ),
    );
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
    const same = await ctx.clients.cognito.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: created.IdentityPoolId,
        IdentityPoolName: 'fixed',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'first.provider',
      }),
    );
    expect(same.DeveloperProviderName).toBe('first.provider');
    // A pool without a developer provider may get one.
    const plain = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'plain', AllowUnauthenticatedIdentities: false }),
    );
    const set = await ctx.clients.cognito.send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: plain.IdentityPoolId,
        IdentityPoolName: 'plain',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'late.provider',
      }),
    );
    expect(set.DeveloperProviderName).toBe('late.provider');
  });

  it('answers the model constraints with ValidationException', async () => {
    const badName = await awsError(
      ctx.clients.cognito.send(
        new CreateIdentityPoolCommand({ IdentityPoolName: 'bad/name', AllowUnauthenticatedIdentities: false }),
      ),
    );
    expect(badName.name).toBe('ValidationException');
    expect(badName.message).toBe(
      "1 validation error detected: Value 'bad/name' at 'identityPoolName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\w\\s+=,.@-]+',
    );
    expect(badName.$metadata.httpStatusCode).toBe(400);
    const badId = await awsError(
      ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: 'not-a-pool-id' })),
    );
    expect([badId.name, badId.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    const tooMany = await awsError(ctx.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 61 })));
    expect([tooMany.name, tooMany.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  });

  it('lists the pools of the account and region page by page', async () => {
    const client = new CognitoIdentityClient({
      endpoint: ctx.emulator.url,
      region: 'eu-west-1',
      credentials: rootCredentials,
      maxAttempts: 1,
    });
    const ids: string[] = [];
    for (let index = 0; index < 7; index++) {
      const pool = await client.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: uniqueName('listed'),
          AllowUnauthenticatedIdentities: false,
        }),
      );
      expect(pool.IdentityPoolId).toMatch(/^eu-west-1:/);
      ids.push(pool.IdentityPoolId!);
    }
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await client.send(new ListIdentityPoolsCommand({ MaxResults: 3, NextToken: nextToken }));
      expect(page.IdentityPools!.length).toBeLessThanOrEqual(3);
      seen.push(...page.IdentityPools!.map((pool) => pool.IdentityPoolId!));
      nextToken = page.NextToken;
      pages += 1;
    } while (nextToken);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
    // The pools of eu-west-1 are not seen from the emulator's region, and not found there.
    const home = await ctx.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(home.IdentityPools!.map((pool) => pool.IdentityPoolId)).not.toContain(ids[0]);
    const elsewhere = await awsError(
      ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: ids[0] })),
    );
    expect([elsewhere.name, elsewhere.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);

    const badToken = await awsError(client.send(new ListIdentityPoolsCommand({ MaxResults: 3, NextToken: 'garbage' })));
    expect([badToken.name, badToken.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
  });

  it('tags, lists tags and untags a pool by its ARN', async () => {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'tagged',
        AllowUnauthenticatedIdentities: false,
        IdentityPoolTags: { a: '1' },
      }),
    );
    const arn = poolArn(created.IdentityPoolId!);
    await ctx.clients.cognito.send(new TagResourceCommand({ ResourceArn: arn, Tags: { b: '2', a: 'one' } }));
    expect((await ctx.clients.cognito.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual({
      a: 'one',
      b: '2',
    });
    await ctx.clients.cognito.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a', 'absent'] }));
    expect((await ctx.clients.cognito.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).toEqual({
      b: '2',
    });
    expect(
      (await ctx.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: created.IdentityPoolId })))
        .IdentityPoolTags,
    ).toEqual({ b: '2' });

    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`k${index}`, 'v']));
    const limit = await awsError(ctx.clients.cognito.send(new TagResourceCommand({ ResourceArn: arn, Tags: tooMany })));
    expect([limit.name, limit.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
    const missing = await awsError(
      ctx.clients.cognito.send(
        new ListTagsForResourceCommand({
          ResourceArn: poolArn(`${ctx.emulator.region}:00000000-0000-0000-0000-000000000000`),
        }),
      ),
    );
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
    const notAnArn = await awsError(
      ctx.clients.cognito.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:s3:::some-bucket-name' })),
    );
    expect([notAnArn.name, notAnArn.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
  });
});
