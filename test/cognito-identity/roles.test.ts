import {
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdentityPoolRolesCommand,
  GetPrincipalTagAttributeMapCommand,
  SetIdentityPoolRolesCommand,
  SetPrincipalTagAttributeMapCommand,
  type RoleMapping,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import {
  cognitoTrustPolicy,
  createDeveloperPool,
  createRole,
  developerProvider,
  developerToken,
} from './flow-support.js';

describe('identity pool roles, role mappings and principal tag maps', () => {
  const ctx = useEmulator();
  const roleArn = (name: string) => `arn:aws:iam::${ctx.emulator.accountId}:role/${name}`;

  it('sets and gets roles and role mappings, replacing what was there', async () => {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'mapped',
        AllowUnauthenticatedIdentities: true,
        SupportedLoginProviders: { 'graph.facebook.com': '123' },
        CognitoIdentityProviders: [
          { ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', ClientId: 'client1' },
        ],
      }),
    );
    const poolId = created.IdentityPoolId!;
    const mappings: Record<string, RoleMapping> = {
      'graph.facebook.com': {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: {
          Rules: [{ Claim: 'email', MatchType: 'Equals', Value: 'a@b.c', RoleARN: roleArn('admin') }],
        },
      },
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc:client1': {
        Type: 'Token',
        AmbiguousRoleResolution: 'AuthenticatedRole',
      },
    };
    await ctx.clients.cognito.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: roleArn('auth'), unauthenticated: roleArn('guest') },
        RoleMappings: mappings,
      }),
    );
    const roles = await ctx.clients.cognito.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    expect(roles.IdentityPoolId).toBe(poolId);
    expect(roles.Roles).toEqual({ authenticated: roleArn('auth'), unauthenticated: roleArn('guest') });
    expect(roles.RoleMappings).toEqual(mappings);

    await ctx.clients.cognito.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: roleArn('auth2') } }),
    );
    const replaced = await ctx.clients.cognito.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    expect(replaced.Roles).toEqual({ authenticated: roleArn('auth2') });
    expect(replaced.RoleMappings).toBeUndefined();
  });

  it('refuses what SetIdentityPoolRoles cannot use', async () => {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({ IdentityPoolName: 'strict', AllowUnauthenticatedIdentities: false }),
    );
    const poolId = created.IdentityPoolId!;
    const badArn = 'arn:aws:iam::123456789012ole/not-a-role';
    const forbidden = await awsError(
      ctx.clients.cognito.send(
        new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: badArn } }),
      ),
    );
    expect([forbidden.name, forbidden.message, forbidden.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      `Access to Role '${badArn}' is forbidden.`,
      400,
    ]);

    const unconfigured = await awsError(
      ctx.clients.cognito.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: poolId,
          Roles: {},
          RoleMappings: { 'accounts.google.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
        }),
      ),
    );
    expect([unconfigured.name, unconfigured.message, unconfigured.$metadata.httpStatusCode]).toEqual([
      'InvalidParameterException',
      '(accounts.google.com) is not a valid RoleMapping ProviderName or is not a configured provider.',
      400,
    ]);
    const badKey = await awsError(
      ctx.clients.cognito.send(
        new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { admin: roleArn('x') } }),
      ),
    );
    expect([badKey.name, badKey.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    const missing = `${ctx.emulator.region}:00000000-0000-0000-0000-000000000001`;
    const notFound = await awsError(
      ctx.clients.cognito.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: missing })),
    );
    expect([notFound.name, notFound.$metadata.httpStatusCode]).toEqual(['ResourceNotFoundException', 400]);
  });

  it('chooses the role of the first matching rule, else resolves the ambiguity as configured', async () => {
    const { poolId, authenticatedRoleArn } = await createDeveloperPool(ctx.clients);
    const adminRole = await createRole(ctx.clients, cognitoTrustPolicy(poolId));
    const credentialsFor = async (user: string) => {
      const { identityId, token } = await developerToken(ctx.clients, poolId, user);
      return ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: identityId,
          Logins: { 'cognito-identity.amazonaws.com': token },
        }),
      );
    };
    const roleOf = (answer: { Credentials?: { AccessKeyId?: string } }) =>
      ctx.emulator.runtime.credentials.find(answer.Credentials!.AccessKeyId!)!.session.roleArn;
    const setMapping = (resolution: 'AuthenticatedRole' | 'Deny') =>
      ctx.clients.cognito.send(
        new SetIdentityPoolRolesCommand({
          IdentityPoolId: poolId,
          Roles: { authenticated: authenticatedRoleArn },
          RoleMappings: {
            [developerProvider]: {
              Type: 'Rules',
              AmbiguousRoleResolution: resolution,
              RulesConfiguration: {
                Rules: [{ Claim: 'amr', MatchType: 'Contains', Value: ':admin-', RoleARN: adminRole }],
              },
            },
          },
        }),
      );

    await setMapping('AuthenticatedRole');
    expect(roleOf(await credentialsFor('admin-ann'))).toBe(adminRole);
    expect(roleOf(await credentialsFor('user-bob'))).toBe(authenticatedRoleArn);
    await setMapping('Deny');
    const denied = await awsError(credentialsFor('user-bob'));
    expect([denied.name, denied.message, denied.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      `The ambiguous role mapping rules for: ${developerProvider} denied this request.`,
      400,
    ]);

    // Token mapping: a developer token carries no cognito:roles, so the ambiguity resolution decides.
    await ctx.clients.cognito.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: authenticatedRoleArn },
        RoleMappings: { [developerProvider]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
      }),
    );
    expect(roleOf(await credentialsFor('admin-ann'))).toBe(authenticatedRoleArn);
  });

  it('stores principal tag attribute maps for the pool providers', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients);
    const initial = await ctx.clients.cognito.send(
      new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: poolId, IdentityProviderName: developerProvider }),
    );
    expect([initial.UseDefaults, initial.PrincipalTags]).toEqual([false, {}]);
    const set = await ctx.clients.cognito.send(
      new SetPrincipalTagAttributeMapCommand({
        IdentityPoolId: poolId,
        IdentityProviderName: developerProvider,
        PrincipalTags: { team: 'custom:team' },
      }),
    );
    expect([set.IdentityPoolId, set.IdentityProviderName, set.UseDefaults, set.PrincipalTags]).toEqual([
      poolId,
      developerProvider,
      false,
      { team: 'custom:team' },
    ]);
    const read = await ctx.clients.cognito.send(
      new GetPrincipalTagAttributeMapCommand({ IdentityPoolId: poolId, IdentityProviderName: developerProvider }),
    );
    expect(read.PrincipalTags).toEqual({ team: 'custom:team' });
    const unknown = await awsError(
      ctx.clients.cognito.send(
        new SetPrincipalTagAttributeMapCommand({
          IdentityPoolId: poolId,
          IdentityProviderName: 'graph.facebook.com',
          UseDefaults: true,
        }),
      ),
    );
    expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['InvalidParameterException', 400]);
  });
});
