import { randomUUID } from 'node:crypto';
import type { CreateIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { describePool, poolSettings } from './pools.js';
import { checkTagCount } from './tags.js';

/** A new pool in the caller's account and signed region, id `REGION:GUID`. Pool names need not be unique. */
export const createIdentityPool: Operation<CreateIdentityPoolInput, IdentityPool> = (input, context) => {
  const tags = input.IdentityPoolTags ?? {};
  checkTagCount(tags);
  const pool = context.runtime.cognito.pools.create(
    { poolId: `${context.region}:${randomUUID()}`, accountId: context.accountId, region: context.region, createdAt: context.now.getTime(), tags },
    poolSettings(input),
  );
  return describePool(pool);
};
