import type { UntagResourceRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireTagTarget } from './tag-targets.js';

/** Removes tags by key; keys the resource does not have are ignored [unverified]. */
export const untagResource: Operation<UntagResourceRequest, void> = (input, context) => {
  context.runtime.apigateway.db.transaction(() => {
    const target = requireTagTarget(context, input.resourceArn as string);
    const tags = { ...target.tags };
    for (const key of input.tagKeys ?? []) delete tags[key];
    target.save(tags);
  });
};
