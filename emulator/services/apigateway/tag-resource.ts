import type { TagResourceRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { checkTags, requireTagTarget } from './tag-targets.js';

/** Adds or overwrites tags of a REST API or a stage; GetRestApi and GetStage show them, as in AWS. */
export const tagResource: Operation<TagResourceRequest, void> = (input, context) => {
  context.runtime.apigateway.db.transaction(() => {
    const target = requireTagTarget(context, input.resourceArn as string);
    const tags = { ...target.tags, ...input.tags };
    checkTags(tags);
    target.save(tags);
  });
};
