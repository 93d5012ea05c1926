import type { UntagResourceRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireTagTarget } from './tag-targets.js';

/** Removes tags by key; keys the resource does not have are ignored [unverified]. */
export const untagResource = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UntagResourceRequest, context): void => {
      const target = requireTagTarget(apigateway, context, input.resourceArn as string);
      const tags = { ...target.tags };
      for (const key of input.tagKeys ?? []) delete tags[key];
      target.save(tags);
    },
);
