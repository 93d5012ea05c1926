import type { TagResourceInput, TagResourceResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { checkTagCount, poolOfArn } from './tags.js';

/** Adds tags to a pool, replacing the values of keys it already has. */
export const tagResource = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: TagResourceInput, context): TagResourceResponse => {
      const pool = poolOfArn(cognito, context, input.ResourceArn as string);
      const tags = { ...pool.tags, ...input.Tags };
      checkTagCount(tags);
      cognito.pools.setTags(pool.poolId, tags);
      return {};
    },
);
