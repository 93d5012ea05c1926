import {
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, clientsFor, useEmulator } from '../support/emulator.js';
import {
  advanceClock,
  cognitoTrustPolicy,
  createDeveloperPool,
  createRole,
  developerProvider,
  developerToken,
} from './flow-support.js';

const logins = (token: string) => ({ 'cognito-identity.amazonaws.com': token });

describe('GetCredentialsForIdentity: the developer-authenticated flow', () => {
  const ctx = useEmulator();

  afterEach(async () => {
    await fetch(`${ctx.emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetSeconds: 0 }),
    });
  });

  it(
    'runs the seed flow: developer token, credentials, ' +
      'and STS GetCallerIdentity with them answers the assumed role',
    async () => {
      const { poolId, authenticatedRoleArn } = await createDeveloperPool(ctx.clients);
      const { identityId, token } = await developerToken(ctx.clients, poolId, 'alice');
      const answer = await ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins(token) }),
      );
      expect(answer.IdentityId).toBe(identityId);
      const credentials = answer.Credentials!;
      expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
      expect(credentials.SecretKey).toHaveLength(40);
      expect(credentials.SessionToken).toBeTruthy();
      const lifetime = (credentials.Expiration as Date).getTime() - Date.now();
      expect(lifetime).toBeGreaterThan(3590_000);
      expect(lifetime).toBeLessThanOrEqual(3601_000);

      const asIdentity = clientsFor(ctx.emulator, {
        accessKeyId: credentials.AccessKeyId!,
        secretAccessKey: credentials.SecretKey!,
        sessionToken: credentials.SessionToken!,
      });
      const caller = await asIdentity.sts.send(new GetCallerIdentityCommand({}));
      const roleName = authenticatedRoleArn.split('/').pop();
      expect(caller.Arn).toBe(
        `arn:aws:sts::${ctx.emulator.accountId}:assumed-role/${roleName}/CognitoIdentityCredentials`,
      );
      expect(caller.Account).toBe(ctx.emulator.accountId);
      expect(caller.UserId).toMatch(/^AROA[A-Z2-7]+:CognitoIdentityCredentials$/);
    },
  );

  it('issues tokens that verify against the emulator JWKS, with the claims AWS writes', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients);
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'bob', { PrincipalTags: { team: 'blue' } });
    const jwks = createRemoteJWKSet(new URL(`${ctx.emulator.url}/.well-known/jwks_uri`));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
      issuer: 'https://cognito-identity.amazonaws.com',
      audience: poolId,
    });
    expect(protectedHeader).toEqual({ kid: `${ctx.emulator.region}-1`, typ: 'JWS', alg: 'RS512' });
    expect(payload.sub).toBe(identityId);
    expect(payload.amr).toEqual(['authenticated', developerProvider, `${developerProvider}:${poolId}:bob`]);
    expect((payload.exp as number) - (payload.iat as number)).toBe(900);
    expect(payload['https://aws.amazon.com/tags']).toEqual({ principal_tags: { team: ['blue'] } });

    const tampered = tamper(token);
    await expect(jwtVerify(tampered, jwks)).rejects.toThrow();
    const error = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins(tampered) }),
      ),
    );
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toBe("Invalid login token. Couldn't verify signed token.");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('honours TokenDuration', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients);
    const { token } = await developerToken(ctx.clients, poolId, 'carol', { TokenDuration: 86400 });
    const claims = decodeJwt(token);
    expect((claims.exp as number) - (claims.iat as number)).toBe(86400);
    expect(decodeProtectedHeader(token).alg).toBe('RS512');
  });

  it('refuses an expired token (emulator clock moved past its expiry)', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients);
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'dave');
    const expiresAt = decodeJwt(token).exp as number;
    await advanceClock(ctx.emulator.url, 901);
    const error = await awsError(
      ctx.clients.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins(token) })),
    );
    expect(error.name).toBe('NotAuthorizedException');
    expect(error.message).toMatch(new RegExp(`^Invalid login token\\. Token expired: \\d+ >= ${expiresAt}$`));
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses a token of another pool, and a token of another identity', async () => {
    const first = await createDeveloperPool(ctx.clients);
    const second = await createDeveloperPool(ctx.clients);
    const mine = await developerToken(ctx.clients, first.poolId, 'erin');
    const foreign = await developerToken(ctx.clients, second.poolId, 'erin');
    const other = await developerToken(ctx.clients, first.poolId, 'frank');

    const foreignError = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: mine.identityId, Logins: logins(foreign.token) }),
      ),
    );
    expect(foreignError.name).toBe('NotAuthorizedException');
    expect(foreignError.message).toMatch(/^Invalid login token\./);
    expect(foreignError.$metadata.httpStatusCode).toBe(400);

    const otherError = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: mine.identityId, Logins: logins(other.token) }),
      ),
    );
    expect(otherError.name).toBe('NotAuthorizedException');
    expect(otherError.message).toBe(`Access to Identity '${mine.identityId}' is forbidden.`);
    expect(otherError.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an authenticated identity without its token, and a developer login sent as a public one', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients, { allowUnauthenticated: true });
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'gina');
    const noToken = await awsError(
      ctx.clients.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId })),
    );
    expect([noToken.name, noToken.$metadata.httpStatusCode]).toEqual(['NotAuthorizedException', 400]);
    expect(noToken.message).toBe(`Access to Identity '${identityId}' is forbidden.`);
    const underDeveloper = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: { [developerProvider]: token } }),
      ),
    );
    expect([underDeveloper.name, underDeveloper.message]).toEqual([
      'NotAuthorizedException',
      "Invalid login token. Can't pass in a Cognito token.",
    ]);
    const unknown = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: { 'graph.facebook.com': 'x' } }),
      ),
    );
    expect([unknown.name, unknown.message, unknown.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      'Token is not from a supported provider of this identity pool.',
      400,
    ]);
  });

  it('answers InvalidIdentityPoolConfigurationException when the role trusts another pool (wrong aud)', async () => {
    const { poolId } = await createDeveloperPool(ctx.clients);
    const wrongAud = await createRole(
      ctx.clients,
      cognitoTrustPolicy('us-east-1:00000000-0000-0000-0000-000000000000'),
    );
    await ctx.clients.cognito.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: wrongAud } }),
    );
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'hank');
    const error = await awsError(
      ctx.clients.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins(token) })),
    );
    expect(error.name).toBe('InvalidIdentityPoolConfigurationException');
    expect(error.message).toBe('Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('answers InvalidIdentityPoolConfigurationException without a role, or with a role that is missing', async () => {
    const created = await ctx.clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'noroles',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: developerProvider,
      }),
    );
    const poolId = created.IdentityPoolId!;
    const { identityId, token } = await developerToken(ctx.clients, poolId, 'ivy');
    const refusal = async () => {
      const error = await awsError(
        ctx.clients.cognito.send(
          new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins(token) }),
        ),
      );
      return [error.name, error.$metadata.httpStatusCode];
    };
    expect(await refusal()).toEqual(['InvalidIdentityPoolConfigurationException', 400]);
    await ctx.clients.cognito.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: poolId,
        Roles: { authenticated: `arn:aws:iam::${ctx.emulator.accountId}:role/missing` },
      }),
    );
    expect(await refusal()).toEqual(['InvalidIdentityPoolConfigurationException', 400]);
  });

  it('needs sts:TagSession in the trust policy for a token with principal tags', async () => {
    const plain = await createDeveloperPool(ctx.clients);
    const tagged = await developerToken(ctx.clients, plain.poolId, 'jack', { PrincipalTags: { team: 'red' } });
    const refused = await awsError(
      ctx.clients.cognito.send(
        new GetCredentialsForIdentityCommand({ IdentityId: tagged.identityId, Logins: logins(tagged.token) }),
      ),
    );
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual([
      'InvalidIdentityPoolConfigurationException',
      400,
    ]);

    const tagging = await createDeveloperPool(ctx.clients, { tagSession: true });
    const ok = await developerToken(ctx.clients, tagging.poolId, 'jack', { PrincipalTags: { team: 'red' } });
    const answer = await ctx.clients.cognito.send(
      new GetCredentialsForIdentityCommand({ IdentityId: ok.identityId, Logins: logins(ok.token) }),
    );
    const session = ctx.emulator.runtime.credentials.find(answer.Credentials!.AccessKeyId!)!.session;
    expect(session.tags).toEqual({ team: 'red' });
    expect(session.source).toEqual({
      kind: 'cognito-identity',
      identityPoolId: tagging.poolId,
      identityId: ok.identityId,
      authenticationType: 'authenticated',
      amr: ['authenticated', developerProvider, `${developerProvider}:${tagging.poolId}:jack`],
    });
  });

  it('gives unauthenticated identities the unauthenticated role, only where the pool allows them', async () => {
    const open = await createDeveloperPool(ctx.clients, { allowUnauthenticated: true });
    const { IdentityId } = await ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: open.poolId }));
    const answer = await ctx.clients.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    const asGuest = clientsFor(ctx.emulator, {
      accessKeyId: answer.Credentials!.AccessKeyId!,
      secretAccessKey: answer.Credentials!.SecretKey!,
      sessionToken: answer.Credentials!.SessionToken!,
    });
    const caller = await asGuest.sts.send(new GetCallerIdentityCommand({}));
    expect(caller.Arn).toBe(
      `arn:aws:sts::${ctx.emulator.accountId}:assumed-role/${open.unauthenticatedRoleArn.split('/').pop()}/` +
        'CognitoIdentityCredentials',
    );

    const closed = await createDeveloperPool(ctx.clients);
    const refused = await awsError(ctx.clients.cognito.send(new GetIdCommand({ IdentityPoolId: closed.poolId })));
    expect([refused.name, refused.message, refused.$metadata.httpStatusCode]).toEqual([
      'NotAuthorizedException',
      'Unauthenticated access is not supported for this identity pool.',
      400,
    ]);
  });

  it('answers ResourceNotFoundException for an unknown identity', async () => {
    const identityId = `${ctx.emulator.region}:11111111-2222-3333-4444-555555555555`;
    const error = await awsError(
      ctx.clients.cognito.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId })),
    );
    expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual([
      'ResourceNotFoundException',
      `Identity '${identityId}' not found.`,
      400,
    ]);
  });
});

/** The token with one byte of its signature changed. */
function tamper(token: string): string {
  const index = token.length - 10;
  const replacement = token[index] === 'A' ? 'B' : 'A';
  return token.slice(0, index) + replacement + token.slice(index + 1);
}
