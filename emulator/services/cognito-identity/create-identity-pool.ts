import { randomUUID } from 'node:crypto';
import type { CreateIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { describePool, poolSettings } from './pools.js';
import { checkTagCount } from './tags.js';

/** A new pool in the caller's account and signed region, id `REGION:GUID`. Pool names need not be unique. */
export const createIdentityPool = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: CreateIdentityPoolInput, context): IdentityPool => {
      const tags = input.IdentityPoolTags ?? {};
      checkTagCount(tags);
      const { region, accountId } = context;
      const pool = cognito.pools.create(
        { poolId: `${region}:${randomUUID()}`, accountId, region, createdAt: context.now.getTime(), tags },
        poolSettings(input),
      );
      return describePool(pool);
    },
);
