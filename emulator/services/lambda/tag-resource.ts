import type { TagResourceRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { InvalidParameterValueException } from './errors.js';
import { withNewRevision } from './function-versions.js';
import { checkTagCount, taggedFunction } from './tagged-function.js';

export const tagResource: Operation<TagResourceRequest, void> = (input, context) => {
  context.runtime.db.transaction(() => {
    const fn = taggedFunction(input.Resource as string, context);
    // Recorded (TestLambdaTags::test_tag_exceptions::tag_empty_tags): AWS's wording for an empty Tags map.
    if (Object.keys(input.Tags ?? {}).length === 0) throw new InvalidParameterValueException('An error occurred and the request cannot be processed.');
    const tags = { ...fn.tags, ...input.Tags };
    checkTagCount(Object.keys(tags).length);
    const updated = { ...withNewRevision(fn, context.now.getTime()), tags };
    context.runtime.lambdaStore.saveFunction(updated);
    context.runtime.lambdaStore.saveFunctionExtras(updated);
  });
};
