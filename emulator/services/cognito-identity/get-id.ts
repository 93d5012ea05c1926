import type { GetIdInput, GetIdResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { cognitoErrors } from './errors.js';
import { refusePublicLogin } from './login-providers.js';
import { publicPool } from './pools.js';

/**
 * Public: a new unauthenticated identity (when the pool allows them). Logins of third-party providers would find or
 * create their identity; idpool cannot verify those tokens, and a Cognito token is refused here as AWS refuses it.
 * AccountId is not checked. [unverified] whether AWS checks it against the pool's account.
 */
export const getId = defineOperation(['cognito'], ({ cognito }) => (input: GetIdInput, context): GetIdResponse => {
  const pool = publicPool(cognito, input.IdentityPoolId as string);
  const [first] = Object.keys(input.Logins ?? {});
  if (first !== undefined) refusePublicLogin(pool, first);
  if (!pool.allowUnauthenticatedIdentities) throw cognitoErrors.unauthenticatedNotSupported();
  return { IdentityId: cognito.identities.create(pool.seq, pool.region, context.now.getTime()) };
});
