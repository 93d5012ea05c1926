import type { UntagResourceRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { withNewRevision } from './function-versions.js';
import { taggedFunction } from './tagged-function.js';

export const untagResource: Operation<UntagResourceRequest, void> = (input, context) => {
  context.runtime.db.transaction(() => {
    const fn = taggedFunction(input.Resource as string, context);
    const tags = Object.fromEntries(Object.entries(fn.tags).filter(([key]) => !input.TagKeys?.includes(key)));
    const updated = { ...withNewRevision(fn, context.now.getTime()), tags };
    context.runtime.lambdaStore.saveFunction(updated);
    context.runtime.lambdaStore.saveFunctionExtras(updated);
  });
};
