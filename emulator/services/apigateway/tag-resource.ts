import type { TagResourceRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { checkTags, requireTagTarget } from './tag-targets.js';

/** Adds or overwrites tags of a REST API or a stage; GetRestApi and GetStage show them, as in AWS. */
export const tagResource = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: TagResourceRequest, context): void => {
      const target = requireTagTarget(apigateway, context, input.resourceArn as string);
      const tags = { ...target.tags, ...input.tags };
      checkTags(tags);
      target.save(tags);
    },
);
