import type { UntagResourceInput, UntagResourceResponse } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { poolOfArn } from './tags.js';

/** Removes the tags with these keys from a pool; keys it does not have are ignored. */
export const untagResource: Operation<UntagResourceInput, UntagResourceResponse> = (input, context) => {
  const pool = poolOfArn(context, input.ResourceArn as string);
  const tags = { ...pool.tags };
  for (const key of input.TagKeys ?? []) delete tags[key];
  context.runtime.cognito.pools.setTags(pool.poolId, tags);
  return {};
};
