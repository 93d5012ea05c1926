import type { UntagResourceInput, UntagResourceResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { poolOfArn } from './tags.js';

/** Removes the tags with these keys from a pool; keys it does not have are ignored. */
export const untagResource = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: UntagResourceInput, context): UntagResourceResponse => {
      const pool = poolOfArn(cognito, context, input.ResourceArn as string);
      const tags = { ...pool.tags };
      for (const key of input.TagKeys ?? []) delete tags[key];
      cognito.pools.setTags(pool.poolId, tags);
      return {};
    },
);
