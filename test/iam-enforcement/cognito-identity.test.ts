import {
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  SetIdentityPoolRolesCommand,
  TagResourceCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';
import {
  allow,
  cognitoSession,
  deny,
  developerProvider,
  expectRefusal,
  explicitlyDenied,
  notAllowed,
  policy,
  uniqueName,
} from './sessions.js';

const account = '000000000000';
const poolArn = (poolId: string) => `arn:aws:cognito-identity:us-east-1:${account}:identitypool/${poolId}`;

describe('Cognito Identity calls with issued credentials', () => {
  const ctx = useEmulator();

  it('are allowed what the role grants, refused the rest with AccessDeniedException', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: {
        describe: policy(
          allow('cognito-identity:DescribeIdentityPool', `arn:aws:cognito-identity:*:${account}:identitypool/*`),
        ),
      },
    });
    const described = await session.clients.cognito.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: session.poolId }),
    );
    expect(described.IdentityPoolId).toBe(session.poolId);
    await expectRefusal(
      session.clients.cognito.send(new ListIdentitiesCommand({ IdentityPoolId: session.poolId, MaxResults: 10 })),
      {
        name: 'AccessDeniedException',
        status: 400,
        message: notAllowed(session.arn, 'cognito-identity:ListIdentities', poolArn(session.poolId)),
      },
    );
    await expectRefusal(session.clients.cognito.send(new ListIdentityPoolsCommand({ MaxResults: 10 })), {
      name: 'AccessDeniedException',
      status: 400,
      message: notAllowed(
        session.arn,
        'cognito-identity:ListIdentityPools',
        `arn:aws:cognito-identity:us-east-1:${account}:identitypool/`,
      ),
    });
  });

  it('are refused by an explicit Deny: no impersonation through GetOpenIdTokenForDeveloperIdentity', async () => {
    const session = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { everything: policy(allow('cognito-identity:*')) },
      managed: { guard: policy(deny('cognito-identity:GetOpenIdTokenForDeveloperIdentity')) },
    });
    const impersonation = new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: session.poolId,
      Logins: { [developerProvider]: 'admin' },
    });
    await expectRefusal(session.clients.cognito.send(impersonation), {
      name: 'AccessDeniedException',
      status: 400,
      message: explicitlyDenied(
        session.arn,
        'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
        poolArn(session.poolId),
        session.managedArns.guard as string,
      ),
    });
  });

  it("match the identity's principal tags and the pool's tags", async () => {
    const ownPool = {
      Effect: 'Allow',
      Action: 'cognito-identity:DescribeIdentityPool',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/tenant': '${aws:PrincipalTag/tenant}' } },
    };
    const pool = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: uniqueName('tenant'),
        AllowUnauthenticatedIdentities: false,
        IdentityPoolTags: { tenant: 'acme' },
      }),
    );
    const acme = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { own: policy(ownPool) },
      principalTags: { tenant: 'acme' },
    });
    const described = await acme.clients.cognito.send(
      new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }),
    );
    expect(described.IdentityPoolTags).toEqual({ tenant: 'acme' });
    const globex = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { own: policy(ownPool) },
      principalTags: { tenant: 'globex' },
    });
    await expectRefusal(
      globex.clients.cognito.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId })),
      {
        name: 'AccessDeniedException',
        status: 400,
        message: notAllowed(
          globex.arn,
          'cognito-identity:DescribeIdentityPool',
          poolArn(pool.IdentityPoolId as string),
        ),
      },
    );
    // aws:RequestTag on TagResource.
    const tagging = policy(
      allow('cognito-identity:TagResource', '*', { Condition: { StringEquals: { 'aws:RequestTag/tenant': 'acme' } } }),
    );
    const tagger = await cognitoSession(ctx.emulator, ctx.clients, { inline: { tagging } });
    await tagger.clients.cognito.send(
      new TagResourceCommand({ ResourceArn: poolArn(pool.IdentityPoolId as string), Tags: { tenant: 'acme' } }),
    );
    await expectRefusal(
      tagger.clients.cognito.send(
        new TagResourceCommand({ ResourceArn: poolArn(pool.IdentityPoolId as string), Tags: { tenant: 'x' } }),
      ),
      {
        name: 'AccessDeniedException',
        status: 400,
        message: notAllowed(tagger.arn, 'cognito-identity:TagResource', poolArn(pool.IdentityPoolId as string)),
      },
    );
  });

  it('need iam:PassRole on each role SetIdentityPoolRoles sets, else NotAuthorizedException', async () => {
    const role = await ctx.clients.iam.send(
      new CreateRoleCommand({
        RoleName: uniqueName('passed'),
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
        }),
      }),
    );
    const roleArn = role.Role?.Arn as string;
    const setRoles = (poolId: string) =>
      new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: roleArn } });
    const cognitoOnly = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { cognito: policy(allow('cognito-identity:*')) },
    });
    await expectRefusal(cognitoOnly.clients.cognito.send(setRoles(cognitoOnly.poolId)), {
      name: 'NotAuthorizedException',
      status: 400,
      message: `Access to Role '${roleArn}' is forbidden.`,
    });
    const passing = allow('iam:PassRole', roleArn, {
      Condition: { StringEquals: { 'iam:PassedToService': 'cognito-identity.amazonaws.com' } },
    });
    const admin = await cognitoSession(ctx.emulator, ctx.clients, {
      inline: { cognito: policy(allow('cognito-identity:*'), passing) },
    });
    await admin.clients.cognito.send(setRoles(admin.poolId));
    const withoutSet = await cognitoSession(ctx.emulator, ctx.clients, { inline: { pass: policy(passing) } });
    await expectRefusal(withoutSet.clients.cognito.send(setRoles(withoutSet.poolId)), {
      name: 'AccessDeniedException',
      status: 400,
      message: notAllowed(withoutSet.arn, 'cognito-identity:SetIdentityPoolRoles', '*'),
    });
  });
});
