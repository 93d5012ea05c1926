import {
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DescribeIdentityCommand,
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { developerProvider, developerToken, uniqueName } from './flow-support.js';

describe('developer-authenticated identities', () => {
  const ctx = useEmulator();

  async function pool(options: { withDeveloperProvider: boolean } = { withDeveloperProvider: true }): Promise<string> {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: uniqueName('dev'),
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: options.withDeveloperProvider ? developerProvider : undefined,
      }),
    );
    return created.IdentityPoolId!;
  }

  const forDeveloper = (poolId: string, logins: Record<string, string>, identityId?: string) =>
    ctx.clients.cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: logins, IdentityId: identityId }),
    );

  it('maps the same developer user id to the same identity, and links more user ids to an identity', async () => {
    const poolId = await pool();
    const first = await developerToken(ctx.clients, poolId, 'u1');
    expect(first.identityId).toMatch(new RegExp(`^${ctx.emulator.region}:[0-9a-f-]{36}$`));
    expect((await developerToken(ctx.clients, poolId, 'u1')).identityId).toBe(first.identityId);
    const linked = await forDeveloper(poolId, { [developerProvider]: 'u1-alias' }, first.identityId);
    expect(linked.IdentityId).toBe(first.identityId);
    expect((await developerToken(ctx.clients, poolId, 'u1-alias')).identityId).toBe(first.identityId);

    const lookup = await ctx.clients.cognito.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: first.identityId }),
    );
    expect(lookup.DeveloperUserIdentifierList).toEqual(['u1', 'u1-alias']);
    const described = await ctx.clients.cognito.send(new DescribeIdentityCommand({ IdentityId: first.identityId }));
    expect(described.Logins).toEqual([developerProvider]);
    expect(described.CreationDate).toBeInstanceOf(Date);
    expect(described.LastModifiedDate!.getTime()).toBeGreaterThanOrEqual(described.CreationDate!.getTime());
  });

  it('refuses a developer user id already linked to another identity', async () => {
    const poolId = await pool();
    const owner = await developerToken(ctx.clients, poolId, 'taken');
    const other = await developerToken(ctx.clients, poolId, 'someone-else');
    expect(other.identityId).not.toBe(owner.identityId);
    const error = await awsError(forDeveloper(poolId, { [developerProvider]: 'taken' }, other.identityId));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['DeveloperUserAlreadyRegisteredException', 400]);
    const missing = `${ctx.emulator.region}:99999999-9999-9999-9999-999999999999`;
    const notFound = await awsError(forDeveloper(poolId, { [developerProvider]: 'new-user' }, missing));
    expect([notFound.name, notFound.message, notFound.$metadata.httpStatusCode]).toEqual([
      'ResourceNotFoundException',
      `Identity '${missing}' not found.`,
      400,
    ]);
  });

  it('refuses logins of another provider than the pool developer provider', async () => {
    const poolId = await pool();
    const wrong = await awsError(forDeveloper(poolId, { 'other.login': 'u' }));
    expect([wrong.name, wrong.message, wrong.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      'This identity pool does not support the specified developer provider.',
      400,
    ]);
    const noProvider = await pool({ withDeveloperProvider: false });
    const none = await awsError(forDeveloper(noProvider, { [developerProvider]: 'u' }));
    expect([none.name, none.$metadata.httpStatusCode]).toEqual(['NotAuthorizedException', 400]);
    const cognitoToken = await awsError(forDeveloper(poolId, { 'cognito-identity.amazonaws.com': 'eyJ.x.y' }));
    expect([cognitoToken.name, cognitoToken.message]).toEqual([
      'NotAuthorizedException',
      "Invalid login token. Can't pass in a Cognito token.",
    ]);
    const empty = await awsError(forDeveloper(poolId, {}));
    expect([empty.name, empty.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
    const missingPool = `${ctx.emulator.region}:99999999-0000-0000-0000-000000000000`;
    const notFound = await awsError(forDeveloper(missingPool, { [developerProvider]: 'u' }));
    expect([notFound.name, notFound.message, notFound.$metadata.httpStatusCode]).toEqual([
      'ResourceNotFoundException',
      `IdentityPool '${missingPool}' not found.`,
      400,
    ]);
    const tooLong = await awsError(
      ctx.clients.cognito.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { [developerProvider]: 'u' },
          TokenDuration: 86401,
        }),
      ),
    );
    expect([tooLong.name, tooLong.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  });

  it('looks developer identities up both ways, page by page', async () => {
    const poolId = await pool();
    const { identityId } = await developerToken(ctx.clients, poolId, 'user-00');
    for (let index = 1; index < 5; index++)
      await forDeveloper(poolId, { [developerProvider]: `user-0${index}` }, identityId);

    const byUser = await ctx.clients.cognito.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'user-03' }),
    );
    expect(byUser.IdentityId).toBe(identityId);
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await ctx.clients.cognito.send(
        new LookupDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: identityId,
          MaxResults: 2,
          NextToken: nextToken,
        }),
      );
      pages.push(page.DeveloperUserIdentifierList!);
      nextToken = page.NextToken;
    } while (nextToken);
    expect(pages).toEqual([['user-00', 'user-01'], ['user-02', 'user-03'], ['user-04']]);

    const other = await developerToken(ctx.clients, poolId, 'stranger');
    const conflict = await awsError(
      ctx.clients.cognito.send(
        new LookupDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: other.identityId,
          DeveloperUserIdentifier: 'user-01',
        }),
      ),
    );
    expect([conflict.name, conflict.$metadata.httpStatusCode]).toEqual(['ResourceConflictException', 409]);
    const unknown = await awsError(
      ctx.clients.cognito.send(
        new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'nobody' }),
      ),
    );
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
    const neither = await awsError(
      ctx.clients.cognito.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId })),
    );
    expect([neither.name, neither.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
  });

  it('merges the source user identity into the destination user identity', async () => {
    const poolId = await pool();
    const source = await developerToken(ctx.clients, poolId, 'source');
    const destination = await developerToken(ctx.clients, poolId, 'destination');
    const merged = await ctx.clients.cognito.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: developerProvider,
        SourceUserIdentifier: 'source',
        DestinationUserIdentifier: 'destination',
      }),
    );
    expect(merged.IdentityId).toBe(destination.identityId);
    expect((await developerToken(ctx.clients, poolId, 'source')).identityId).toBe(destination.identityId);
    const lookup = await ctx.clients.cognito.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: destination.identityId }),
    );
    expect(lookup.DeveloperUserIdentifierList).toEqual(['destination', 'source']);
    // The source identity lost its logins: hidden by HideDisabled.
    const visible = await ctx.clients.cognito.send(
      new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 10, HideDisabled: true }),
    );
    expect(visible.Identities!.map((identity) => identity.IdentityId)).toEqual([destination.identityId]);
    const all = await ctx.clients.cognito.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 10 }));
    expect(all.Identities!.map((identity) => identity.IdentityId)).toEqual([source.identityId, destination.identityId]);

    const unknown = await awsError(
      ctx.clients.cognito.send(
        new MergeDeveloperIdentitiesCommand({
          IdentityPoolId: poolId,
          DeveloperProviderName: developerProvider,
          SourceUserIdentifier: 'ghost',
          DestinationUserIdentifier: 'destination',
        }),
      ),
    );
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
    const wrongProvider = await awsError(
      ctx.clients.cognito.send(
        new MergeDeveloperIdentitiesCommand({
          IdentityPoolId: poolId,
          DeveloperProviderName: 'other.login',
          SourceUserIdentifier: 'source',
          DestinationUserIdentifier: 'destination',
        }),
      ),
    );
    expect([wrongProvider.name, wrongProvider.$metadata.httpStatusCode]).toEqual(['NotAuthorizedException', 400]);
  });

  it('unlinks a developer user id: the user gets a new identity next time', async () => {
    const poolId = await pool();
    const first = await developerToken(ctx.clients, poolId, 'leaver');
    const unlink = (identityId: string, user: string) =>
      ctx.clients.cognito.send(
        new UnlinkDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          IdentityId: identityId,
          DeveloperProviderName: developerProvider,
          DeveloperUserIdentifier: user,
        }),
      );
    const other = await developerToken(ctx.clients, poolId, 'stayer');
    const conflict = await awsError(unlink(other.identityId, 'leaver'));
    expect([conflict.name, conflict.$metadata.httpStatusCode]).toEqual(['ResourceConflictException', 409]);
    await unlink(first.identityId, 'leaver');
    const again = await developerToken(ctx.clients, poolId, 'leaver');
    expect(again.identityId).not.toBe(first.identityId);
    const described = await ctx.clients.cognito.send(new DescribeIdentityCommand({ IdentityId: first.identityId }));
    expect(described.Logins).toBeUndefined();
    // The old identity is inaccessible even with the token issued before the unlink.
    const refused = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: first.identityId,
          Logins: { 'cognito-identity.amazonaws.com': first.token },
        }),
      ),
    );
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['NotAuthorizedException', 400]);
    const notLinked = await awsError(unlink(again.identityId, 'never-seen'));
    expect([notLinked.name, notLinked.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
  });

  it('unlinks logins with UnlinkIdentity, proven by the identity token', async () => {
    const poolId = await pool();
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'self-service');
    const other = await developerToken(ctx.clients, poolId, 'other-user');
    const forbidden = await awsError(
      ctx.clients.cognito.send(
        new UnlinkIdentityCommand({
          IdentityId: identityId,
          Logins: { 'cognito-identity.amazonaws.com': other.token },
          LoginsToRemove: [developerProvider],
        }),
      ),
    );
    expect([forbidden.name, forbidden.$metadata.httpStatusCode]).toEqual(['NotAuthorizedException', 400]);
    await ctx.clients.cognito.send(
      new UnlinkIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token },
        LoginsToRemove: [developerProvider],
      }),
    );
    expect(
      (await ctx.clients.cognito.send(new DescribeIdentityCommand({ IdentityId: identityId }))).Logins,
    ).toBeUndefined();
    expect((await developerToken(ctx.clients, poolId, 'self-service')).identityId).not.toBe(identityId);
  });

  it('lists identities page by page and deletes them, reporting what it could not delete', async () => {
    const poolId = await pool();
    const ids: string[] = [];
    for (let index = 0; index < 5; index++)
      ids.push((await developerToken(ctx.clients, poolId, `member-${index}`)).identityId);
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await ctx.clients.cognito.send(
        new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 2, NextToken: nextToken }),
      );
      expect(page.IdentityPoolId).toBe(poolId);
      for (const identity of page.Identities!) {
        expect(identity.Logins).toEqual([developerProvider]);
        seen.push(identity.IdentityId!);
      }
      nextToken = page.NextToken;
    } while (nextToken);
    expect(seen).toEqual(ids);
    const foreignToken = await awsError(
      ctx.clients.cognito.send(
        new ListIdentitiesCommand({ IdentityPoolId: await pool(), MaxResults: 2, NextToken: await firstToken(poolId) }),
      ),
    );
    expect([foreignToken.name, foreignToken.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);

    const unknown = `${ctx.emulator.region}:12345678-1234-1234-1234-123456789012`;
    const deleted = await ctx.clients.cognito.send(
      new DeleteIdentitiesCommand({ IdentityIdsToDelete: [ids[0]!, unknown] }),
    );
    expect(deleted.UnprocessedIdentityIds).toEqual([{ IdentityId: unknown, ErrorCode: 'AccessDenied' }]);
    const missing = await awsError(ctx.clients.cognito.send(new DescribeIdentityCommand({ IdentityId: ids[0] })));
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual([
      'ResourceNotFoundException',
      `Identity '${ids[0]}' not found.`,
      400,
    ]);
    expect((await developerToken(ctx.clients, poolId, 'member-0')).identityId).not.toBe(ids[0]);
    const tooMany = await awsError(
      ctx.clients.cognito.send(
        new DeleteIdentitiesCommand({ IdentityIdsToDelete: Array.from({ length: 61 }, () => unknown) }),
      ),
    );
    expect([tooMany.name, tooMany.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  });

  async function firstToken(poolId: string): Promise<string> {
    const page = await ctx.clients.cognito.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 1 }));
    return page.NextToken!;
  }
});
