import {
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { expect } from 'vitest';
import { awsError, clientsFor, type Clients } from '../support/emulator.js';
import type { RunningEmulator } from '../../emulator/index.js';

export const developerProvider = 'enforcement.login';

let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

export const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});
export const deny = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Deny',
  Action,
  Resource,
  ...extra,
});

export interface Session {
  clients: Clients;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  roleName: string;
  roleArn: string;
  /** `arn:aws:sts::<account>:assumed-role/<role>/CognitoIdentityCredentials` */
  arn: string;
  poolId: string;
  identityId: string;
  /** The ARNs of the managed policies created for it, by the name given. */
  managedArns: Record<string, string>;
}

export interface SessionOptions {
  /** Inline policies, by name. */
  inline?: Record<string, string>;
  /** Customer managed policies created and attached, by name. */
  managed?: Record<string, string>;
  /** Principal tags the developer token carries (they become session tags, `aws:PrincipalTag/…`). */
  principalTags?: Record<string, string>;
  /** A session of the pool's unauthenticated role, for an identity with no login. */
  unauthenticated?: boolean;
}

function cognitoTrust(poolId: string, amr: string, tagSession: boolean): string {
  return policy({
    Effect: 'Allow',
    Principal: { Federated: 'cognito-identity.amazonaws.com' },
    Action: tagSession ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] : 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
    },
  });
}

/**
 * Credentials of a Cognito identity, as the seed flow's client gets them: the root keys create a pool and a role
 * with the given policies, a developer token for the identity (or none, unauthenticated), then
 * GetCredentialsForIdentity. Answers SDK clients signing with those credentials.
 */
export async function cognitoSession(
  emulator: RunningEmulator,
  root: Clients,
  options: SessionOptions = {},
): Promise<Session> {
  const unauthenticated = options.unauthenticated ?? false;
  const pool = await root.cognito.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: uniqueName('pool'),
      AllowUnauthenticatedIdentities: unauthenticated,
      DeveloperProviderName: developerProvider,
    }),
  );
  const poolId = pool.IdentityPoolId as string;
  const roleName = uniqueName('role');
  const trust = cognitoTrust(
    poolId,
    unauthenticated ? 'unauthenticated' : 'authenticated',
    options.principalTags !== undefined,
  );
  const role = await root.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust }));
  const roleArn = role.Role?.Arn as string;
  for (const [name, document] of Object.entries(options.inline ?? {})) {
    await root.iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: name, PolicyDocument: document }));
  }
  const managedArns: Record<string, string> = {};
  for (const [name, document] of Object.entries(options.managed ?? {})) {
    const created = await root.iam.send(
      new CreatePolicyCommand({ PolicyName: `${name}-${roleName}`, PolicyDocument: document }),
    );
    managedArns[name] = created.Policy?.Arn as string;
    await root.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: managedArns[name] }));
  }
  await root.cognito.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: poolId,
      Roles: unauthenticated ? { unauthenticated: roleArn } : { authenticated: roleArn },
    }),
  );
  let identityId: string;
  let logins: Record<string, string> | undefined;
  if (unauthenticated) {
    identityId = (await root.cognito.send(new GetIdCommand({ IdentityPoolId: poolId }))).IdentityId as string;
  } else {
    const token = await root.cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: poolId,
        Logins: { [developerProvider]: uniqueName('user') },
        PrincipalTags: options.principalTags,
      }),
    );
    identityId = token.IdentityId as string;
    logins = { 'cognito-identity.amazonaws.com': token.Token as string };
  }
  const issued = await root.cognito.send(
    new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
  );
  const credentials = {
    accessKeyId: issued.Credentials?.AccessKeyId as string,
    secretAccessKey: issued.Credentials?.SecretKey as string,
    sessionToken: issued.Credentials?.SessionToken as string,
  };
  const arn = `arn:aws:sts::${emulator.accountId}:assumed-role/${roleName}/CognitoIdentityCredentials`;
  return {
    clients: clientsFor(emulator, credentials),
    credentials,
    roleName,
    roleArn,
    arn,
    poolId,
    identityId,
    managedArns,
  };
}

/** The refusal AWS answers for an implicit deny. */
export function notAllowed(arn: string, action: string, resource: string | null): string {
  const on = resource === null ? '' : ` on resource: ${resource}`;
  const reason = `because no identity-based policy allows the ${action} action`;
  return `User: ${arn} is not authorized to perform: ${action}${on} ${reason}`;
}

/** The refusal for an explicit deny in an identity policy, named (a managed policy's ARN, an inline one's name). */
export function explicitlyDenied(arn: string, action: string, resource: string, policyName: string): string {
  const reason = `with an explicit deny in an identity-based policy: ${policyName}`;
  return `User: ${arn} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
}

/** Asserts the call fails with exactly this AWS error. */
export async function expectRefusal(
  call: Promise<unknown>,
  expected: { name: string; status: number; message: string },
): Promise<void> {
  const error = await awsError(call);
  expect({ name: error.name, status: error.$metadata.httpStatusCode, message: error.message }).toEqual(expected);
}
