import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { rootCredentials, type AwsCredentials } from '../../support/emulator.js';
import type { ReplayContext } from '../scenario.js';

/**
 * The recorded tests call STS as an IAM principal of the account; idpool's root keys may not assume roles (as AWS's
 * root user may not), so the reproductions call as a role session of the account, allowed `policy`: Cognito's
 * developer-authenticated flow on the emulator hands it out. Its calls are set-up, not replayed answers.
 */
export async function callerSession(t: ReplayContext, policy: object): Promise<AwsCredentials> {
  const config = { endpoint: t.emulator.url, region: t.region, credentials: rootCredentials, maxAttempts: 1 };
  const cognito = new CognitoIdentityClient(config);
  const pool = await cognito.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: `caller_${t.name('pool').replace(/-/g, '_')}`,
      AllowUnauthenticatedIdentities: false,
      DeveloperProviderName: 'replay.caller',
    }),
  );
  const poolId = pool.IdentityPoolId as string;
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ],
  };
  const roleName = t.name('replay-caller');
  const role = await t.iam.client.send(
    new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }),
  );
  await t.iam.client.send(
    new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'caller', PolicyDocument: JSON.stringify(policy) }),
  );
  await cognito.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: poolId,
      Roles: { authenticated: (role as { Role: { Arn: string } }).Role.Arn },
    }),
  );
  const token = await cognito.send(
    new GetOpenIdTokenForDeveloperIdentityCommand({
      IdentityPoolId: poolId,
      Logins: { 'replay.caller': 'replay-user' },
    }),
  );
  const credentials = await cognito.send(
    new GetCredentialsForIdentityCommand({
      IdentityId: token.IdentityId,
      Logins: { 'cognito-identity.amazonaws.com': token.Token as string },
    }),
  );
  const issued = credentials.Credentials;
  return {
    accessKeyId: issued?.AccessKeyId as string,
    secretAccessKey: issued?.SecretKey as string,
    sessionToken: issued?.SessionToken,
  };
}
