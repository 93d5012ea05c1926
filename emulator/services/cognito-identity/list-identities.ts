import type { ListIdentitiesInput, ListIdentitiesResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';
import { ownedPool } from './pools.js';

/**
 * The pool's identities in creation order, MaxResults (1–60) at a time, by keyset pagination: each page is one
 * indexed range read, however large the pool. HideDisabled leaves out identities whose logins were all unlinked.
 */
export const listIdentities = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: ListIdentitiesInput, context): ListIdentitiesResponse => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      const scope = `identities:${pool.poolId}`;
      const limit = input.MaxResults as number;
      const after = decodeCursor(input.NextToken, scope, 0);
      const rows = cognito.identities.page(pool.seq, after, limit + 1, input.HideDisabled === true);
      const { items, more } = pageOf(rows, limit);
      return {
        IdentityPoolId: pool.poolId,
        Identities: items.map((identity) => ({
          IdentityId: identity.identityId,
          Logins: identity.providers.length > 0 ? identity.providers : undefined,
          CreationDate: new Date(identity.createdAt),
          LastModifiedDate: new Date(identity.lastModifiedAt),
        })),
        NextToken: more ? encodeCursor(scope, (items[items.length - 1] as { seq: number }).seq) : undefined,
      };
    },
);
