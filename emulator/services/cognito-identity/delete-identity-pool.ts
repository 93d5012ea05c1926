import type { DeleteIdentityPoolInput } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { ownedPool } from './pools.js';

/** Deletes the pool with all its identities and their login links. */
export const deleteIdentityPool = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: DeleteIdentityPoolInput, context): void => {
      cognito.pools.delete(ownedPool(cognito, context, input.IdentityPoolId as string).poolId);
    },
);
