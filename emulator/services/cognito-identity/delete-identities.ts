import type {
  DeleteIdentitiesInput,
  DeleteIdentitiesResponse,
  UnprocessedIdentityId,
} from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';

/**
 * Deletes up to 60 identities with their login links; each id that is not an identity of one of the caller's pools
 * comes back in UnprocessedIdentityIds with ErrorCode `AccessDenied`. [unverified] which code AWS gives an unknown id.
 */
export const deleteIdentities = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: DeleteIdentitiesInput, context): DeleteIdentitiesResponse => {
      const unprocessed: UnprocessedIdentityId[] = [];
      const toDelete = new Set<number>();
      for (const identityId of input.IdentityIdsToDelete ?? []) {
        const identity = cognito.identities.find(identityId);
        const pool = identity && cognito.pools.find(identity.poolId);
        const owned = identity && pool && pool.accountId === context.accountId && pool.region === context.region;
        // An id given twice is deleted once; the second time it is no longer there.
        if (owned && !toDelete.has(identity.seq)) toDelete.add(identity.seq);
        else unprocessed.push({ IdentityId: identityId, ErrorCode: 'AccessDenied' });
      }
      cognito.identities.delete([...toDelete]);
      return { UnprocessedIdentityIds: unprocessed };
    },
);
