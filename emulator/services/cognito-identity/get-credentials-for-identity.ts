import type {
  GetCredentialsForIdentityInput,
  GetCredentialsForIdentityResponse,
} from '@aws-sdk/client-cognito-identity';
import { issueRoleSession } from '../sts/role-sessions.js';
import { cognitoTrustRefusal, trustsCognitoIdentity } from '../sts/role-trust.js';
import { defineOperation } from '../service-definition.js';
import { InvalidIdentityPoolConfigurationException } from './errors.js';
import { identityLogin } from './identity-login.js';
import { publicIdentity } from './pools.js';
import { resolveRoleArn, type RoleRequest } from './role-resolution.js';
import { principalTagsOf, providerOf } from './token-claims.js';

/** The session name Cognito gives every role session it opens. */
const cognitoSessionName = 'CognitoIdentityCredentials';
const credentialSeconds = 3600;

/**
 * Public, the enhanced flow: verifies the identity's login, resolves its role, and assumes the role on the
 * identity's behalf as STS AssumeRoleWithWebIdentity would, so the role must exist and trust the identity; one hour
 * credentials for the session `CognitoIdentityCredentials`. Not emulated: the scope-down policy AWS adds to
 * unauthenticated identities' sessions.
 */
export const getCredentialsForIdentity = defineOperation(
  ['cognito', 'tokens', 'clock', 'iam', 'credentials', 'log'],
  (services) =>
    async (input: GetCredentialsForIdentityInput, context): Promise<GetCredentialsForIdentityResponse> => {
      const { identity, pool } = publicIdentity(services.cognito, input.IdentityId as string);
      const login = await identityLogin(services, pool, identity, input.Logins ?? {});
      // AWS says InvalidIdentityPoolConfigurationException whatever the mistake; the log says which it was.
      const refuse = (why: string): never => {
        const operation = `GetCredentialsForIdentity ${identity.identityId}`;
        services.log.warn(`${operation}: InvalidIdentityPoolConfigurationException: ${why}`);
        throw new InvalidIdentityPoolConfigurationException();
      };
      const request: RoleRequest =
        login.authenticationType === 'unauthenticated'
          ? { authenticationType: 'unauthenticated' }
          : {
              authenticationType: 'authenticated',
              provider: providerOf(login.amr),
              claims: login.claims,
              customRoleArn: input.CustomRoleArn,
            };
      let roleArn: string;
      try {
        roleArn = resolveRoleArn(pool, request);
      } catch (error) {
        if (!(error instanceof InvalidIdentityPoolConfigurationException)) throw error;
        return refuse(`pool ${pool.poolId} has no ${login.authenticationType} role (SetIdentityPoolRoles)`);
      }
      const tags = principalTagsOf(login.claims);
      const role = services.iam.findRoleByArn(roleArn);
      if (!role) return refuse(`role ${roleArn} does not exist`);
      const webIdentity = { poolId: pool.poolId, identityId: identity.identityId, amr: login.amr, tags };
      if (!trustsCognitoIdentity(role, webIdentity, context.now)) {
        return refuse(`role ${roleArn}: ${cognitoTrustRefusal(role, webIdentity, context.now)}`);
      }

      const { credentials } = issueRoleSession(services.credentials, {
        role,
        sessionName: cognitoSessionName,
        durationSeconds: credentialSeconds,
        source: {
          kind: 'cognito-identity',
          identityPoolId: pool.poolId,
          identityId: identity.identityId,
          authenticationType: login.authenticationType,
          amr: login.amr,
        },
        tags,
      });
      return {
        IdentityId: identity.identityId,
        Credentials: {
          AccessKeyId: credentials.accessKeyId,
          SecretKey: credentials.secretAccessKey,
          SessionToken: credentials.sessionToken,
          // AWS writes whole epoch seconds.
          Expiration: new Date(Math.floor(credentials.expiresAt / 1000) * 1000),
        },
      };
    },
);
