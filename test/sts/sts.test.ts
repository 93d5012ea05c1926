import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, clientsFor, useEmulator } from '../support/emulator.js';
import {
  advanceClock,
  cognitoTrustPolicy,
  createDeveloperPool,
  createRole,
  developerToken,
} from '../cognito-identity/flow-support.js';

describe('STS', () => {
  const ctx = useEmulator();
  const roleName = (arn: string) => arn.split('/').pop() as string;

  afterEach(async () => {
    await fetch(`${ctx.emulator.url}/_idpool/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetSeconds: 0 }),
    });
  });

  async function cognitoSession() {
    const pool = await createDeveloperPool(ctx.clients);
    const { identityId, token } = await developerToken(ctx.clients, pool.poolId, 'chainer');
    const answer = await ctx.clients.cognito.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token },
      }),
    );
    const credentials = answer.Credentials!;
    return {
      pool,
      clients: clientsFor(ctx.emulator, {
        accessKeyId: credentials.AccessKeyId!,
        secretAccessKey: credentials.SecretKey!,
        sessionToken: credentials.SessionToken!,
      }),
    };
  }

  describe('GetCallerIdentity', () => {
    it('answers the account root for the root keys', async () => {
      const answer = await ctx.clients.sts.send(new GetCallerIdentityCommand({}));
      expect([answer.UserId, answer.Account, answer.Arn]).toEqual([
        ctx.emulator.accountId,
        ctx.emulator.accountId,
        `arn:aws:iam::${ctx.emulator.accountId}:root`,
      ]);
    });
  });

  describe('AssumeRoleWithWebIdentity (the basic flow)', () => {
    const assume = (roleArn: string, token: string, extra: { DurationSeconds?: number; Policy?: string } = {}) =>
      ctx.clients.sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: roleArn,
          RoleSessionName: 'web-session',
          WebIdentityToken: token,
          ...extra,
        }),
      );

    it('exchanges a developer token for a session of a role that trusts the identity', async () => {
      const { poolId, authenticatedRoleArn } = await createDeveloperPool(ctx.clients);
      const { identityId, token } = await developerToken(ctx.clients, poolId, 'classic');
      const answer = await assume(authenticatedRoleArn, token, { DurationSeconds: 900 });
      expect(answer.SubjectFromWebIdentityToken).toBe(identityId);
      expect(answer.Audience).toBe(poolId);
      expect(answer.Provider).toBe('cognito-identity.amazonaws.com');
      const arn = `arn:aws:sts::${ctx.emulator.accountId}:assumed-role/${roleName(authenticatedRoleArn)}/web-session`;
      expect(answer.AssumedRoleUser?.Arn).toBe(arn);
      expect(answer.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]+:web-session$/);
      expect(answer.Credentials?.AccessKeyId).toMatch(/^ASIA/);
      const lifetime = answer.Credentials!.Expiration!.getTime() - Date.now();
      expect(lifetime).toBeGreaterThan(890_000);
      expect(lifetime).toBeLessThanOrEqual(901_000);
      const session = clientsFor(ctx.emulator, {
        accessKeyId: answer.Credentials!.AccessKeyId!,
        secretAccessKey: answer.Credentials!.SecretAccessKey!,
        sessionToken: answer.Credentials!.SessionToken!,
      });
      expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(arn);
    });

    it('refuses roles whose trust policy does not allow the identity, and unknown roles', async () => {
      const { poolId, unauthenticatedRoleArn } = await createDeveloperPool(ctx.clients);
      const { token } = await developerToken(ctx.clients, poolId, 'classic-denied');
      for (const roleArn of [unauthenticatedRoleArn, `arn:aws:iam::${ctx.emulator.accountId}:role/does-not-exist`]) {
        const error = await awsError(assume(roleArn, token));
        expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual([
          'AccessDenied',
          'Not authorized to perform sts:AssumeRoleWithWebIdentity',
          403,
        ]);
      }
    });

    it('refuses expired, tampered and malformed tokens', async () => {
      const { poolId, authenticatedRoleArn } = await createDeveloperPool(ctx.clients);
      const { token } = await developerToken(ctx.clients, poolId, 'classic-tokens');
      const garbage = await awsError(assume(authenticatedRoleArn, 'not-a-jwt'));
      expect([garbage.name, garbage.message, garbage.$metadata.httpStatusCode]).toEqual([
        'InvalidIdentityTokenException',
        'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
        400,
      ]);
      const tampered = await awsError(assume(authenticatedRoleArn, `${token.slice(0, -6)}AAAAAA`));
      expect([tampered.name, tampered.$metadata.httpStatusCode]).toEqual(['InvalidIdentityTokenException', 400]);
      await advanceClock(ctx.emulator.url, 1000);
      const expired = await awsError(assume(authenticatedRoleArn, token));
      expect(expired.name).toBe('ExpiredTokenException');
      expect(expired.message).toMatch(
        /^Token expired: current date\/time \d+ must be before the expiration date\/time\d+$/,
      );
      expect(expired.$metadata.httpStatusCode).toBe(400);
    });

    it('checks DurationSeconds against the model and the role maximum, and refuses session policies', async () => {
      const { poolId } = await createDeveloperPool(ctx.clients);
      const shortRole = await createRole(ctx.clients, cognitoTrustPolicy(poolId), { maxSessionDuration: 3600 });
      const { token } = await developerToken(ctx.clients, poolId, 'classic-duration');
      const tooLong = await awsError(assume(shortRole, token, { DurationSeconds: 7200 }));
      expect([tooLong.name, tooLong.message, tooLong.$metadata.httpStatusCode]).toEqual([
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        400,
      ]);
      const tooShort = await awsError(assume(shortRole, token, { DurationSeconds: 899 }));
      expect([tooShort.name, tooShort.$metadata.httpStatusCode]).toEqual(['ValidationError', 400]);
      const policy = await awsError(assume(shortRole, token, { Policy: '{"Version":"2012-10-17","Statement":[]}' }));
      expect([policy.name, policy.$metadata.httpStatusCode]).toEqual(['UnsupportedFeature', 400]);
    });

    it('answers errors in the awsQuery XML envelope of STS', async () => {
      const response = await fetch(ctx.emulator.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          Action: 'AssumeRoleWithWebIdentity',
          Version: '2011-06-15',
          RoleArn: `arn:aws:iam::${ctx.emulator.accountId}:role/any-role`,
          RoleSessionName: 'wire',
          WebIdentityToken: 'not-a-jwt',
        }).toString(),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('text/xml');
      const requestId = response.headers.get('x-amzn-requestid');
      expect(await response.text()).toBe(
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>' +
          '<Message>The ID Token provided is not a valid JWT. ' +
          '(You may see this error if you sent an Access Token)</Message></Error>' +
          `<RequestId>${requestId}</RequestId></ErrorResponse>`,
      );
    });

    it('refuses tokens of pools that turned the basic flow off', async () => {
      const { poolId, authenticatedRoleArn } = await createDeveloperPool(ctx.clients, { allowClassicFlow: false });
      const { token } = await developerToken(ctx.clients, poolId, 'classic-off');
      const error = await awsError(assume(authenticatedRoleArn, token));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidIdentityTokenException', 400]);
    });
  });

  describe('AssumeRole', () => {
    it('refuses the root user', async () => {
      const error = await awsError(
        ctx.clients.sts.send(
          new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ctx.emulator.accountId}:role/any`, RoleSessionName: 's1' }),
        ),
      );
      expect([error.name, error.message, error.$metadata.httpStatusCode]).toEqual([
        'AccessDenied',
        'Roles may not be assumed by root accounts.',
        403,
      ]);
    });

    it('lets a role session assume a role that trusts its role, and reports the chained session', async () => {
      const { pool, clients } = await cognitoSession();
      const target = await createRole(
        ctx.clients,
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: pool.authenticatedRoleArn }, Action: 'sts:AssumeRole' }],
        }),
        { maxSessionDuration: 43200 },
      );
      const answer = await clients.sts.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'chained' }));
      const arn = `arn:aws:sts::${ctx.emulator.accountId}:assumed-role/${roleName(target)}/chained`;
      expect(answer.AssumedRoleUser?.Arn).toBe(arn);
      const chained = clientsFor(ctx.emulator, {
        accessKeyId: answer.Credentials!.AccessKeyId!,
        secretAccessKey: answer.Credentials!.SecretAccessKey!,
        sessionToken: answer.Credentials!.SessionToken!,
      });
      expect((await chained.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(arn);

      const tooLong = await awsError(
        clients.sts.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'long', DurationSeconds: 7200 })),
      );
      expect([tooLong.name, tooLong.message, tooLong.$metadata.httpStatusCode]).toEqual([
        'ValidationError',
        'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
        400,
      ]);
    });

    it('needs sts:TagSession for session tags', async () => {
      const { pool, clients } = await cognitoSession();
      const trust = (actions: string[]) =>
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: pool.authenticatedRoleArn }, Action: actions }],
        });
      const untaggable = await createRole(ctx.clients, trust(['sts:AssumeRole']));
      const tags = [{ Key: 'project', Value: 'idpool' }];
      const denied = await awsError(
        clients.sts.send(new AssumeRoleCommand({ RoleArn: untaggable, RoleSessionName: 'tagged', Tags: tags })),
      );
      expect([denied.name, denied.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
      const taggable = await createRole(ctx.clients, trust(['sts:AssumeRole', 'sts:TagSession']));
      const answer = await clients.sts.send(
        new AssumeRoleCommand({ RoleArn: taggable, RoleSessionName: 'tagged', Tags: tags }),
      );
      expect(ctx.emulator.runtime.credentials.find(answer.Credentials!.AccessKeyId!)!.session.tags).toEqual({
        project: 'idpool',
      });
    });

    it('needs the caller policies too when the trust policy names only the account', async () => {
      const { pool, clients } = await cognitoSession();
      const target = await createRole(
        ctx.clients,
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ctx.emulator.accountId}:root` },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      );
      const callerArn = (await clients.sts.send(new GetCallerIdentityCommand({}))).Arn;
      const denied = await awsError(
        clients.sts.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'try' })),
      );
      expect([denied.name, denied.message, denied.$metadata.httpStatusCode]).toEqual([
        'AccessDenied',
        `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${target}`,
        403,
      ]);
      await ctx.clients.iam.send(
        new PutRolePolicyCommand({
          RoleName: roleName(pool.authenticatedRoleArn),
          PolicyName: 'may-assume',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: target }],
          }),
        }),
      );
      const answer = await clients.sts.send(new AssumeRoleCommand({ RoleArn: target, RoleSessionName: 'try' }));
      expect(answer.AssumedRoleUser?.Arn).toBe(
        `arn:aws:sts::${ctx.emulator.accountId}:assumed-role/${roleName(target)}/try`,
      );
    });
  });
});
