import {
  CreateIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { Clients } from '../support/emulator.js';

export const developerProvider = 'test.login';

let counter = 0;
/** A name no other test of the file uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}${Math.random().toString(36).slice(2, 8)}`;
}

/** The trust policy the Cognito console writes for a pool's role. */
export function cognitoTrustPolicy(
  poolId: string,
  amr: 'authenticated' | 'unauthenticated' = 'authenticated',
  extraActions: string[] = [],
): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: ['sts:AssumeRoleWithWebIdentity', ...extraActions],
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
        },
      },
    ],
  });
}

export function invokePolicy(resource = 'arn:aws:execute-api:*:*:*/*/GET/*'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: resource }],
  });
}

/** Creates a role with the given trust policy and an `execute-api:Invoke` inline policy; answers its ARN. */
export async function createRole(
  clients: Clients,
  trustPolicy: string,
  options: { maxSessionDuration?: number } = {},
): Promise<string> {
  const roleName = uniqueName('role');
  const created = await clients.iam.send(
    new CreateRoleCommand({
      RoleName: roleName,
      AssumeRolePolicyDocument: trustPolicy,
      MaxSessionDuration: options.maxSessionDuration,
    }),
  );
  await clients.iam.send(
    new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'invoke', PolicyDocument: invokePolicy() }),
  );
  return created.Role?.Arn as string;
}

export interface DeveloperPool {
  poolId: string;
  authenticatedRoleArn: string;
  unauthenticatedRoleArn: string;
}

/**
 * The first half of the seed flow's setup: a pool with developer provider `test.login`, an authenticated and an
 * unauthenticated role trusting it, set as the pool's roles.
 */
export async function createDeveloperPool(
  clients: Clients,
  options: { allowUnauthenticated?: boolean; allowClassicFlow?: boolean; tagSession?: boolean } = {},
): Promise<DeveloperPool> {
  const pool = await clients.cognito.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: uniqueName('pool'),
      AllowUnauthenticatedIdentities: options.allowUnauthenticated ?? false,
      AllowClassicFlow: options.allowClassicFlow,
      DeveloperProviderName: developerProvider,
    }),
  );
  const poolId = pool.IdentityPoolId as string;
  const extra = options.tagSession ? ['sts:TagSession'] : [];
  const authenticatedRoleArn = await createRole(clients, cognitoTrustPolicy(poolId, 'authenticated', extra));
  const unauthenticatedRoleArn = await createRole(clients, cognitoTrustPolicy(poolId, 'unauthenticated'));
  await clients.cognito.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: poolId,
      Roles: { authenticated: authenticatedRoleArn, unauthenticated: unauthenticatedRoleArn },
    }),
  );
  return { poolId, authenticatedRoleArn, unauthenticatedRoleArn };
}

export async function developerToken(
  clients: Clients,
  poolId: string,
  userId: string,
  extra: { TokenDuration?: number; PrincipalTags?: Record<string, string> } = {},
) {
  const answer = await clients.cognito.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      Logins: { [developerProvider]: userId },
      ...extra,
    }),
  );
  return { identityId: answer.IdentityId as string, token: answer.Token as string };
}

/** Moves the emulator clock (POST /_idpool/clock). */
export async function advanceClock(url: string, seconds: number): Promise<void> {
  const response = await fetch(`${url}/_idpool/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  });
  if (response.status !== 200) throw new Error(`clock: ${response.status}`);
}
