import type { GetOpenIdTokenForDeveloperIdentityInput, GetOpenIdTokenForDeveloperIdentityResponse } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { developerUserIdOf } from './developer-login.js';
import { cognitoErrors } from './errors.js';
import { findOwnedPool } from './pools.js';
import { developerClaims, developerTokenSeconds } from './token-claims.js';

/**
 * The backend's call: resolves the developer user id to its identity (creating it on first sight, or linking it to
 * the IdentityId passed) inside one transaction, then signs the token. The same user id always gets the same
 * identity, however many first requests for it arrive at once.
 */
export const getOpenIdTokenForDeveloperIdentity: Operation<GetOpenIdTokenForDeveloperIdentityInput, GetOpenIdTokenForDeveloperIdentityResponse> = async (
  input,
  context,
) => {
  const pool = findOwnedPool(context, input.IdentityPoolId as string);
  const userId = developerUserIdOf(pool, input.Logins ?? {});
  const provider = pool.developerProviderName as string;
  const result = context.runtime.cognito.identities.link({ poolSeq: pool.seq, provider, login: userId }, pool.region, context.now.getTime(), input.IdentityId);
  if (result.kind === 'identity-not-found') throw cognitoErrors.identityNotFound(input.IdentityId as string);
  if (result.kind === 'linked-elsewhere') throw cognitoErrors.developerUserAlreadyRegistered();
  const claims = developerClaims(pool.poolId, result.identityId, provider, userId, input.PrincipalTags);
  const token = await context.runtime.tokens.sign(claims, input.TokenDuration ?? developerTokenSeconds);
  return { IdentityId: result.identityId, Token: token };
};
