import { describe, expect, it } from 'vitest';
import { SessionCredentials } from '../../emulator/auth/session-credentials.js';
import { Clock } from '../../emulator/clock.js';
import { getCredentialsForIdentity } from '../../emulator/services/cognito-identity/get-credentials-for-identity.js';
import * as devToken from '../../emulator/services/cognito-identity/get-open-id-token-for-developer-identity.js';
import { AuthStore } from '../../emulator/store/auth-store.js';
import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { Logger } from '../../emulator/logger.js';
import { callContext } from '../support/call-context.js';
import { developerPool, developerProvider, poolId } from '../support/cognito-pools.js';
import { FakeTokens } from '../support/fake-tokens.js';

const { getOpenIdTokenForDeveloperIdentity } = devToken;

const accountId = '000000000000';
// Three quarters of a second past a whole second, so that Expiration's rounding down to whole seconds shows.
const start = Date.parse('2026-01-01T00:00:00.750Z');

function trustPolicy(audience: string, amr: string, actions = ['sts:AssumeRoleWithWebIdentity']): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: actions,
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': audience },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  });
}

/**
 * The services GetCredentialsForIdentity names, on one in-memory database: real Cognito, IAM and credential stores,
 * a clock the test moves, and a token service without RSA keys.
 */
function setup(trust: { authenticated?: string; unauthenticated?: string } = {}) {
  const db = Database.open();
  const { cognito, pool } = developerPool({ allowUnauthenticatedIdentities: true }, db);
  const iam = new IamStore(db);
  const clock = new Clock(() => start);
  const credentials = new SessionCredentials(new AuthStore(db), clock, iam);
  const tokens = new FakeTokens(clock);
  const roles: Record<string, string> = {};
  for (const kind of ['authenticated', 'unauthenticated'] as const) {
    const roleName = `${kind}-role`;
    roles[kind] = `arn:aws:iam::${accountId}:role/${roleName}`;
    iam.insertRole({
      accountId,
      roleName,
      roleId: `AROA${kind.toUpperCase().slice(0, 10).padEnd(17, 'X')}`,
      arn: roles[kind],
      path: '/',
      assumeRolePolicy: trust[kind] ?? trustPolicy(poolId, kind),
      maxSessionDuration: 3600,
      tags: [],
      createdAt: start,
    });
  }
  cognito.pools.setRoles(pool.poolId, roles, {});
  const handler = getCredentialsForIdentity.build({
    cognito,
    tokens,
    clock,
    iam,
    credentials,
    log: new Logger('error'),
  });
  const developerToken = getOpenIdTokenForDeveloperIdentity.build({ cognito, tokens });
  const context = () => callContext({ now: clock.now(), caller: undefined });
  return { cognito, pool, iam, clock, credentials, tokens, roles, handler, developerToken, context };
}

describe('GetCredentialsForIdentity, over real stores, a fake clock and a fake token service', () => {
  it('declares the services it uses', () => {
    expect([...getCredentialsForIdentity.needs].sort()).toEqual([
      'clock',
      'cognito',
      'credentials',
      'iam',
      'log',
      'tokens',
    ]);
  });

  it('assumes the unauthenticated role for an identity without logins, for one hour in whole seconds', async () => {
    const { cognito, pool, handler, credentials, roles, context } = setup();
    const identityId = cognito.identities.create(pool.seq, pool.region, start);
    const answer = await handler({ IdentityId: identityId }, context());
    expect(answer.IdentityId).toBe(identityId);
    expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(answer.Credentials?.Expiration).toEqual(new Date('2026-01-01T01:00:00Z'));
    const issued = credentials.find(answer.Credentials?.AccessKeyId as string);
    expect(issued?.expiresAt).toBe(start + 3600_000);
    expect(issued?.session).toMatchObject({
      roleArn: roles.unauthenticated,
      sessionName: 'CognitoIdentityCredentials',
      assumedRoleArn: `arn:aws:sts::${accountId}:assumed-role/unauthenticated-role/CognitoIdentityCredentials`,
      source: { kind: 'cognito-identity', identityPoolId: poolId, identityId, authenticationType: 'unauthenticated' },
    });
  });

  it("assumes the authenticated role with a developer identity's token", async () => {
    const { handler, developerToken, credentials, roles, context } = setup();
    const { IdentityId, Token } = await developerToken(
      { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
      context(),
    );
    const answer = await handler(
      { IdentityId, Logins: { 'cognito-identity.amazonaws.com': Token as string } },
      context(),
    );
    const issued = credentials.find(answer.Credentials?.AccessKeyId as string);
    expect(issued?.session).toMatchObject({
      roleArn: roles.authenticated,
      source: {
        authenticationType: 'authenticated',
        amr: ['authenticated', developerProvider, `${developerProvider}:${poolId}:alice`],
      },
    });
  });

  it('refuses the token once the clock reaches its expiry, naming both times', async () => {
    const { handler, developerToken, clock, context } = setup();
    const { IdentityId, Token } = await developerToken(
      { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
      context(),
    );
    const issuedAt = clock.nowSeconds();
    clock.advance(900);
    await expect(
      handler({ IdentityId, Logins: { 'cognito-identity.amazonaws.com': Token as string } }, context()),
    ).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: `Invalid login token. Token expired: ${issuedAt + 900} >= ${issuedAt + 900}`,
    });
  });

  it('refuses an authenticated identity that comes without its token', async () => {
    const { handler, developerToken, context } = setup();
    const { IdentityId } = await developerToken(
      { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' } },
      context(),
    );
    await expect(handler({ IdentityId }, context())).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: `Access to Identity '${IdentityId}' is forbidden.`,
    });
  });

  it('answers InvalidIdentityPoolConfiguration when the role does not trust the pool, or does not exist', async () => {
    const untrusting = setup({
      unauthenticated: trustPolicy('us-east-1:22222222-2222-2222-2222-222222222222', 'unauthenticated'),
    });
    const identityId = untrusting.cognito.identities.create(untrusting.pool.seq, untrusting.pool.region, start);
    const refusal = {
      code: 'InvalidIdentityPoolConfigurationException',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    };
    await expect(untrusting.handler({ IdentityId: identityId }, untrusting.context())).rejects.toMatchObject(refusal);

    const missing = setup();
    const orphan = missing.cognito.identities.create(missing.pool.seq, missing.pool.region, start);
    missing.iam.deleteRole(accountId, 'unauthenticated-role');
    await expect(missing.handler({ IdentityId: orphan }, missing.context())).rejects.toMatchObject(refusal);
  });

  it('passes principal tags as session tags only when the trust policy also allows sts:TagSession', async () => {
    const tagging = setup({
      authenticated: trustPolicy(poolId, 'authenticated', ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']),
    });
    const login = { IdentityPoolId: poolId, Logins: { [developerProvider]: 'alice' }, PrincipalTags: { team: 'blue' } };
    const token = await tagging.developerToken(login, tagging.context());
    const answer = await tagging.handler(
      { IdentityId: token.IdentityId, Logins: { 'cognito-identity.amazonaws.com': token.Token as string } },
      tagging.context(),
    );
    expect(tagging.credentials.find(answer.Credentials?.AccessKeyId as string)?.session.tags).toEqual({ team: 'blue' });

    const plain = setup();
    const refused = await plain.developerToken(login, plain.context());
    await expect(
      plain.handler(
        { IdentityId: refused.IdentityId, Logins: { 'cognito-identity.amazonaws.com': refused.Token as string } },
        plain.context(),
      ),
    ).rejects.toMatchObject({ code: 'InvalidIdentityPoolConfigurationException' });
  });
});
