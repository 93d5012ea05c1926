import type { DeleteIdentityPoolInput } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { findOwnedPool } from './pools.js';

/** Deletes the pool with all its identities and their login links. */
export const deleteIdentityPool: Operation<DeleteIdentityPoolInput, void> = (input, context) => {
  const pool = findOwnedPool(context, input.IdentityPoolId as string);
  context.runtime.cognito.pools.delete(pool.poolId);
};
