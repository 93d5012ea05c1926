import {
  CreateIdentityPoolCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { developerProvider, developerToken, uniqueName } from './flow-support.js';

describe('the public operations: GetId and GetOpenIdToken (basic flow)', () => {
  const ctx = useEmulator();

  async function guestPool(
    options: { allowClassicFlow?: boolean; allowUnauthenticated?: boolean } = {},
  ): Promise<string> {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: uniqueName('guests'),
        AllowUnauthenticatedIdentities: options.allowUnauthenticated ?? true,
        AllowClassicFlow: options.allowClassicFlow,
        DeveloperProviderName: developerProvider,
        SupportedLoginProviders: { 'graph.facebook.com': '1234' },
      }),
    );
    return created.IdentityPoolId!;
  }

  it('creates a new unauthenticated identity per GetId and a 10-minute token for it', async () => {
    const poolId = await guestPool();
    const first = await ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: poolId }));
    const second = await ctx.clients.cognito.send(
      new GetIdCommand({ IdentityPoolId: poolId, AccountId: ctx.emulator.accountId }),
    );
    expect(first.IdentityId).not.toBe(second.IdentityId);
    const answer = await ctx.clients.cognito.send(new GetOpenIdTokenCommand({ IdentityId: first.IdentityId }));
    expect(answer.IdentityId).toBe(first.IdentityId);
    const claims = decodeJwt(answer.Token!);
    expect(claims).toMatchObject({
      iss: 'https://cognito-identity.amazonaws.com',
      aud: poolId,
      sub: first.IdentityId,
      amr: ['unauthenticated'],
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(600);
  });

  it('refuses the basic flow when the pool turned it off or maps roles', async () => {
    const off = await guestPool({ allowClassicFlow: false });
    const { IdentityId } = await ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: off }));
    const disabled = await awsError(ctx.clients.cognito.send(new GetOpenIdTokenCommand({ IdentityId })));
    expect([disabled.name, disabled.message, disabled.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterException',
      'Basic (classic) flow is not enabled, please use enhanced flow.',
      400,
    ]);

    const mapped = await guestPool({ allowClassicFlow: true });
    await ctx.clients.cognito.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: mapped,
        Roles: {},
        RoleMappings: { 'graph.facebook.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
      }),
    );
    const guest = await ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: mapped }));
    const withMappings = await awsError(
      ctx.clients.cognito.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId })),
    );
    expect([withMappings.name, withMappings.message]).toEqual([
      'InvalidParameterException',
      'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.',
    ]);
  });

  it('refuses logins it cannot accept', async () => {
    const poolId = await guestPool();
    const cognitoToken = await awsError(
      ctx.clients.cognito.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'cognito-identity.amazonaws.com': 'x.y.z' } }),
      ),
    );
    expect([cognitoToken.name, cognitoToken.message, cognitoToken.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      "Invalid login token. Can't pass in a Cognito token.",
      400,
    ]);
    const unknown = await awsError(
      ctx.clients.cognito.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'accounts.google.com': 'token' } }),
      ),
    );
    expect([unknown.name, unknown.message]).toEqual([
      'NotAuthorizedException',
      'Token is not from a supported provider of this identity pool.',
    ]);
    const unverifiable = await awsError(
      ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'graph.facebook.com': 'token' } })),
    );
    expect([unverifiable.name, unverifiable.$metadata.httpStatusCode]).toEqual(['UnsupportedFeature', 400]);
    expect(unverifiable.message).toContain('graph.facebook.com');
  });

  it('refuses an unauthenticated token for an authenticated identity, and unknown pools and identities', async () => {
    const poolId = await guestPool();
    const { identityId } = await developerToken(ctx.clients, poolId, 'member');
    const forbidden = await awsError(ctx.clients.cognito.send(new GetOpenIdTokenCommand({ IdentityId: identityId })));
    expect([forbidden.name, forbidden.message, forbidden.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      `Access to Identity '${identityId}' is forbidden.`,
      400,
    ]);
    const missingPool = `${ctx.emulator.region}:00000000-0000-0000-0000-00000000abcd`;
    const noPool = await awsError(ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: missingPool })));
    expect([noPool.name, noPool.message, noPool.$metadata.httpStatusCode]).toEqual([
      'ResourceNotFoundException',
      `IdentityPool '${missingPool}' not found.`,
      400,
    ]);
    const closed = await guestPool({ allowUnauthenticated: false });
    const refused = await awsError(ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: closed })));
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['NotAuthorizedException', 400]);
  });
});
