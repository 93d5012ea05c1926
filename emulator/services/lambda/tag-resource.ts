import type { TagResourceRequest } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { lambdaErrors } from './errors.js';
import { withNewRevision } from './function-versions.js';
import { checkTagCount, taggedFunction } from './tagged-function.js';

export const tagResource = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: TagResourceRequest, context): void => {
      const fn = taggedFunction(lambdaStore, input.Resource as string, context);
      if (Object.keys(input.Tags ?? {}).length === 0) throw lambdaErrors.emptyTags();
      const tags = { ...fn.tags, ...input.Tags };
      checkTagCount(Object.keys(tags).length);
      lambdaStore.saveTags({ ...withNewRevision(fn, context.now.getTime()), tags });
    },
);
