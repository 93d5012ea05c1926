import {
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { awsError, useEmulator } from '../support/emulator.js';
import { cognitoTrustPolicy, createRole, developerProvider, developerToken, uniqueName } from './flow-support.js';

const lines: string[] = [];
const ctx = useEmulator({ logLevel: 'warn', logSink: (line) => lines.push(line) });

function trust(statement: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/** A pool whose authenticated role has this trust policy (no role at all when null); answers the refusal's log line. */
async function refusalLogged(trustPolicy: ((poolId: string) => string) | null, roleArn?: string): Promise<string> {
  const { cognito } = ctx.clients;
  const pool = await cognito.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: uniqueName('pool'),
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: developerProvider,
    }),
  );
  const poolId = pool.IdentityPoolId as string;
  const arn = roleArn ?? (trustPolicy ? await createRole(ctx.clients, trustPolicy(poolId)) : undefined);
  if (arn)
    await cognito.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: arn } }));
  const { identityId, token } = await developerToken(ctx.clients, poolId, uniqueName('user'));
  lines.length = 0;
  const error = await awsError(
    cognito.send(
      new GetCredentialsForIdentityCommand({
        IdentityId: identityId,
        Logins: { 'cognito-identity.amazonaws.com': token },
      }),
    ),
  );
  // AWS's one answer for every mistake: the log is where the reason is.
  expect(error.name).toBe('InvalidIdentityPoolConfigurationException');
  const line = lines.find(
    (candidate) => candidate.includes('WARN') && candidate.includes(`GetCredentialsForIdentity ${identityId}`),
  );
  expect(line).toBeDefined();
  return line as string;
}

describe('GetCredentialsForIdentity refusals name the trust mistake in the log', () => {
  it('a pool without an authenticated role', async () => {
    expect(await refusalLogged(null)).toMatch(/has no authenticated role \(SetIdentityPoolRoles\)/);
  });

  it('a role that does not exist', async () => {
    expect(await refusalLogged(null, 'arn:aws:iam::000000000000:role/not-there')).toContain(
      'role arn:aws:iam::000000000000:role/not-there does not exist',
    );
  });

  it('a role trusting another principal', async () => {
    const line = await refusalLogged(() =>
      trust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    );
    expect(line).toContain(
      'not trust the federated principal cognito-identity.amazonaws.com (it trusts {"Service":"lambda.amazonaws.com"})',
    );
  });

  it('a role trusting the aud of another pool', async () => {
    const line = await refusalLogged(() => cognitoTrustPolicy('us-east-1:00000000-0000-0000-0000-000000000000'));
    expect(line).toMatch(
      /aud condition names us-east-1:00000000-0000-0000-0000-000000000000, not this pool us-east-1:/,
    );
  });

  it('sts:AssumeRole instead of sts:AssumeRoleWithWebIdentity', async () => {
    const line = await refusalLogged((poolId) =>
      trust({
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId } },
      }),
    );
    expect(line).toContain('allows sts:AssumeRole, but Cognito assumes roles with sts:AssumeRoleWithWebIdentity');
  });

  it('an amr condition for unauthenticated identities only', async () => {
    const line = await refusalLogged((poolId) => cognitoTrustPolicy(poolId, 'unauthenticated'));
    expect(line).toMatch(/amr condition wants unauthenticated; this identity's amr is authenticated/);
  });
});
