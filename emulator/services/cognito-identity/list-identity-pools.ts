import type { ListIdentityPoolsInput, ListIdentityPoolsResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';

/** The caller's pools in the signed region, in creation order, MaxResults (1–60) at a time. */
export const listIdentityPools = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: ListIdentityPoolsInput, context): ListIdentityPoolsResponse => {
      const scope = `pools:${context.accountId}:${context.region}`;
      const limit = input.MaxResults as number;
      const after = decodeCursor(input.NextToken, scope, 0);
      const { items, more } = pageOf(cognito.pools.page(context.accountId, context.region, after, limit + 1), limit);
      return {
        IdentityPools: items.map((pool) => ({ IdentityPoolId: pool.poolId, IdentityPoolName: pool.name })),
        NextToken: more ? encodeCursor(scope, (items[items.length - 1] as { seq: number }).seq) : undefined,
      };
    },
);
