import { describe, expect, it } from 'vitest';
import type { RoleSessionCaller } from '../../emulator/auth/caller.js';
import { SessionCredentials } from '../../emulator/auth/session-credentials.js';
import { Clock } from '../../emulator/clock.js';
import { assumeRole } from '../../emulator/services/sts/assume-role.js';
import { assumeRoleWithWebIdentity } from '../../emulator/services/sts/assume-role-with-web-identity.js';
import { getCallerIdentity } from '../../emulator/services/sts/get-caller-identity.js';
import { AuthStore } from '../../emulator/store/auth-store.js';
import { Database } from '../../emulator/store/database.js';
import { IamStore } from '../../emulator/store/iam-store.js';
import { callContext } from '../support/call-context.js';
import { developerPool, poolId } from '../support/cognito-pools.js';
import { FakeTokens } from '../support/fake-tokens.js';

const accountId = '000000000000';
const start = Date.parse('2026-01-01T00:00:00Z');
const roleArn = `arn:aws:iam::${accountId}:role/target`;

const webIdentityTrust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId } },
    },
  ],
});

/** STS's services on one in-memory database: the real IAM, Cognito and credential stores, fake tokens. */
function setup(maxSessionDuration = 7200) {
  const db = Database.open();
  const { cognito } = developerPool({}, db);
  const iam = new IamStore(db);
  const auth = new AuthStore(db);
  const clock = new Clock(() => start);
  const credentials = new SessionCredentials(auth, clock, iam);
  const tokens = new FakeTokens(clock);
  iam.insertRole({
    accountId,
    roleName: 'target',
    roleId: 'AROATARGETROLEXXXXXXX',
    arn: roleArn,
    path: '/',
    assumeRolePolicy: webIdentityTrust,
    maxSessionDuration,
    tags: [],
    createdAt: start,
  });
  const services = { iam, credentials, cognito, tokens, clock };
  return {
    auth,
    clock,
    tokens,
    assume: assumeRole.build(services),
    assumeWeb: assumeRoleWithWebIdentity.build(services),
    whoAmI: getCallerIdentity.build({}),
  };
}

const sessionCaller: RoleSessionCaller = {
  kind: 'role-session',
  accountId,
  accessKeyId: 'ASIAEXAMPLE',
  arn: `arn:aws:sts::${accountId}:assumed-role/source/me`,
  userId: 'AROASOURCE:me',
  session: {
    roleArn: `arn:aws:iam::${accountId}:role/source`,
    roleName: 'source',
    roleId: 'AROASOURCE',
    sessionName: 'me',
    assumedRoleArn: `arn:aws:sts::${accountId}:assumed-role/source/me`,
  },
  expiresAt: start + 3600_000,
};

describe('GetCallerIdentity', () => {
  it('names the root user by its account, a role session by its assumed-role ARN, per partition', async () => {
    const { whoAmI } = setup();
    expect(whoAmI({}, callContext())).toEqual({
      UserId: accountId,
      Account: accountId,
      Arn: `arn:aws:iam::${accountId}:root`,
    });
    expect(whoAmI({}, callContext({ caller: sessionCaller }))).toEqual({
      UserId: 'AROASOURCE:me',
      Account: accountId,
      Arn: sessionCaller.arn,
    });
    expect((await whoAmI({}, callContext({ caller: undefined, region: 'cn-north-1' }))).Arn).toBe(
      `arn:aws-cn:iam::${accountId}:root`,
    );
  });
});

describe('AssumeRole', () => {
  it("issues a session of the role, named by the caller's session name, with its tags", async () => {
    const { assume, auth } = setup();
    const answer = await assume(
      { RoleArn: roleArn, RoleSessionName: 'chained', Tags: [{ Key: 'team', Value: 'a' }] },
      callContext({ caller: sessionCaller }),
    );
    expect(answer.AssumedRoleUser).toEqual({
      AssumedRoleId: 'AROATARGETROLEXXXXXXX:chained',
      Arn: `arn:aws:sts::${accountId}:assumed-role/target/chained`,
    });
    expect(answer.Credentials?.Expiration).toEqual(new Date(start + 3600_000));
    const stored = auth.findCredential(answer.Credentials?.AccessKeyId as string);
    expect(stored?.session?.tags).toEqual({ team: 'a' });
  });

  it('refuses the root user, a RoleArn that is no ARN, an unknown role and over an hour of chaining', async () => {
    const { assume } = setup();
    const session = callContext({ caller: sessionCaller });
    expect(() => assume({ RoleArn: roleArn, RoleSessionName: 's' }, callContext())).toThrow(
      expect.objectContaining({ code: 'AccessDenied', message: 'Roles may not be assumed by root accounts.' }),
    );
    expect(() => assume({ RoleArn: 'role', RoleSessionName: 's' }, session)).toThrow(
      expect.objectContaining({ code: 'ValidationError', message: 'role is invalid' }),
    );
    const unknown = `arn:aws:iam::${accountId}:role/unknown`;
    expect(() => assume({ RoleArn: unknown, RoleSessionName: 's' }, session)).toThrow(
      expect.objectContaining({
        message: `User: ${sessionCaller.arn} is not authorized to perform: sts:AssumeRole on resource: ${unknown}`,
      }),
    );
    expect(() => assume({ RoleArn: roleArn, RoleSessionName: 's', DurationSeconds: 3601 }, session)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/1 hour session limit/) }),
    );
  });
});

describe('AssumeRoleWithWebIdentity', () => {
  async function token(tokens: FakeTokens, pool = poolId) {
    return tokens.sign({ aud: pool, sub: 'us-east-1:identity', amr: ['authenticated', 'login.example'] }, 600);
  }

  it("exchanges the emulator's token for a session of a role that trusts the pool", async () => {
    const { assumeWeb, tokens } = setup();
    const answer = await assumeWeb(
      { RoleArn: roleArn, RoleSessionName: 'web', WebIdentityToken: await token(tokens) },
      callContext({ caller: undefined }),
    );
    expect(answer).toMatchObject({
      SubjectFromWebIdentityToken: 'us-east-1:identity',
      Provider: 'cognito-identity.amazonaws.com',
      Audience: poolId,
      AssumedRoleUser: { Arn: `arn:aws:sts::${accountId}:assumed-role/target/web` },
    });
  });

  it('refuses a token of an unknown pool or unverifiable, a duration too long, and an expired token', async () => {
    const { assumeWeb, tokens, clock } = setup(3600);
    const context = callContext({ caller: undefined });
    const request = { RoleArn: roleArn, RoleSessionName: 'web' };
    const otherPool = await token(tokens, 'us-east-1:22222222-2222-2222-2222-222222222222');
    await expect(assumeWeb({ ...request, WebIdentityToken: otherPool }, context)).rejects.toMatchObject({
      code: 'InvalidIdentityToken',
    });
    await expect(assumeWeb({ ...request, WebIdentityToken: 'not-a-jwt' }, context)).rejects.toMatchObject({
      message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
    });
    const valid = await token(tokens);
    await expect(
      assumeWeb({ ...request, WebIdentityToken: valid, DurationSeconds: 3601 }, context),
    ).rejects.toMatchObject({
      code: 'ValidationError',
    });
    clock.advance(600);
    await expect(assumeWeb({ ...request, WebIdentityToken: valid }, context)).rejects.toMatchObject({
      code: 'ExpiredTokenException',
    });
  });
});
