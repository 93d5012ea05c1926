import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { cognitoTrustPolicy } from '../src/stack/roles.js';

export const benchCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };
export const developerProvider = 'bench.login';

export interface BenchPool {
  identityPoolId: string;
  roleArn: string;
}

/** A pool with a developer provider and an authenticated role that trusts it (what the flow needs). */
export async function createBenchPool(endpoint: string, region: string, withRole: boolean): Promise<BenchPool> {
  const config = { endpoint, region, credentials: benchCredentials, maxAttempts: 1 };
  const cognito = new CognitoIdentityClient(config);
  const pool = await cognito.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: `bench${Date.now()}`,
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: developerProvider,
    }),
  );
  const identityPoolId = pool.IdentityPoolId as string;
  let roleArn = '';
  if (withRole) {
    const iam = new IAMClient(config);
    const roleName = `bench-auth-${Date.now()}`;
    const role = await iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: cognitoTrustPolicy(identityPoolId) }),
    );
    roleArn = role.Role?.Arn as string;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'invoke',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: 'arn:aws:execute-api:*:*:*' }],
        }),
      }),
    );
    await cognito.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId, Roles: { authenticated: roleArn } }),
    );
  }
  cognito.destroy();
  return { identityPoolId, roleArn };
}

/** Developer tokens for `count` users, fetched through the SDK. */
export async function developerTokens(
  endpoint: string,
  region: string,
  identityPoolId: string,
  count: number,
): Promise<{ IdentityId: string; Token: string }[]> {
  const cognito = new CognitoIdentityClient({ endpoint, region, credentials: benchCredentials, maxAttempts: 1 });
  const tokens: { IdentityId: string; Token: string }[] = [];
  for (let user = 0; user < count; user++) {
    const answer = await cognito.send(
      new GetOpenIdTokenForDeveloperIdentityCommand({
        IdentityPoolId: identityPoolId,
        Logins: { [developerProvider]: `user-${user}` },
        TokenDuration: 3600,
      }),
    );
    tokens.push({ IdentityId: answer.IdentityId as string, Token: answer.Token as string });
  }
  cognito.destroy();
  return tokens;
}
