import type { TagResourceInput, TagResourceResponse } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { checkTagCount, poolOfArn } from './tags.js';

/** Adds tags to a pool, replacing the values of keys it already has. */
export const tagResource: Operation<TagResourceInput, TagResourceResponse> = (input, context) => {
  const pool = poolOfArn(context, input.ResourceArn as string);
  const tags = { ...pool.tags, ...input.Tags };
  checkTagCount(tags);
  context.runtime.cognito.pools.setTags(pool.poolId, tags);
  return {};
};
