import type { UntagResourceRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { taggedFunction } from './tagged-function.js';

export const untagResource: Operation<UntagResourceRequest, void> = (input, context) => {
  context.runtime.db.transaction(() => {
    const fn = taggedFunction(input.Resource as string, context);
    const tags = Object.fromEntries(Object.entries(fn.tags).filter(([key]) => !input.TagKeys?.includes(key)));
    context.runtime.lambdaStore.saveFunctionExtras({ ...fn, tags });
  });
};
