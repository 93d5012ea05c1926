import type { UntagResourceRequest } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { withNewRevision } from './function-versions.js';
import { taggedFunction } from './tagged-function.js';

export const untagResource = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: UntagResourceRequest, context): void => {
      const fn = taggedFunction(lambdaStore, input.Resource as string, context);
      const tags = Object.fromEntries(Object.entries(fn.tags).filter(([key]) => !input.TagKeys?.includes(key)));
      lambdaStore.saveTags({ ...withNewRevision(fn, context.now.getTime()), tags });
    },
);
