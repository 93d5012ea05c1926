import type { DeleteIdentitiesInput, DeleteIdentitiesResponse, UnprocessedIdentityId } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';

/**
 * Deletes up to 60 identities with their login links; each id that is not an identity of one of the caller's pools
 * comes back in UnprocessedIdentityIds with ErrorCode `AccessDenied`. [unverified] which code AWS gives an unknown id.
 */
export const deleteIdentities: Operation<DeleteIdentitiesInput, DeleteIdentitiesResponse> = (input, context) => {
  const { identities, pools } = context.runtime.cognito;
  const unprocessed: UnprocessedIdentityId[] = [];
  context.runtime.db.transaction(() => {
    for (const identityId of input.IdentityIdsToDelete ?? []) {
      const identity = identities.find(identityId);
      const pool = identity && pools.find(identity.poolId);
      if (!identity || !pool || pool.accountId !== context.accountId || pool.region !== context.region) {
        unprocessed.push({ IdentityId: identityId, ErrorCode: 'AccessDenied' });
        continue;
      }
      identities.delete(identity.seq);
    }
  });
  return { UnprocessedIdentityIds: unprocessed };
};
