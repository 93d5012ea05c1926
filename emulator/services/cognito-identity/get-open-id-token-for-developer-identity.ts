import type {
  GetOpenIdTokenForDeveloperIdentityInput,
  GetOpenIdTokenForDeveloperIdentityResponse,
} from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { developerUserIdOf } from './developer-login.js';
import { cognitoErrors } from './errors.js';
import { ownedPool } from './pools.js';
import { developerClaims, developerTokenSeconds } from './token-claims.js';

/**
 * The backend's call: resolves the developer user id to its identity (creating it on first sight, or linking it to
 * the IdentityId passed) inside one transaction, then signs the token. The same user id always gets the same
 * identity, however many first requests for it arrive at once.
 */
export const getOpenIdTokenForDeveloperIdentity = defineOperation(
  ['cognito', 'tokens'],
  ({ cognito, tokens }) =>
    async (
      input: GetOpenIdTokenForDeveloperIdentityInput,
      context,
    ): Promise<GetOpenIdTokenForDeveloperIdentityResponse> => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      const userId = developerUserIdOf(pool, input.Logins ?? {});
      const provider = pool.developerProviderName as string;
      const key = { poolSeq: pool.seq, provider, login: userId };
      const result = cognito.identities.link(key, pool.region, context.now.getTime(), input.IdentityId);
      if (result.kind === 'identity-not-found') throw cognitoErrors.identityNotFound(input.IdentityId as string);
      if (result.kind === 'linked-elsewhere') throw cognitoErrors.developerUserAlreadyRegistered();
      const claims = developerClaims(pool.poolId, result.identityId, provider, userId, input.PrincipalTags);
      const token = await tokens.sign(claims, input.TokenDuration ?? developerTokenSeconds);
      return { IdentityId: result.identityId, Token: token };
    },
);
