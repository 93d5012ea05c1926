import type { TagResourceRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { taggedFunction } from './tagged-function.js';

export const tagResource: Operation<TagResourceRequest, void> = (input, context) => {
  context.runtime.db.transaction(() => {
    const fn = taggedFunction(input.Resource as string, context);
    context.runtime.lambdaStore.saveFunctionExtras({ ...fn, tags: { ...fn.tags, ...input.Tags } });
  });
};
