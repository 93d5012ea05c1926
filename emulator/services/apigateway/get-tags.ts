import type { GetTagsRequest, Tags } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireTagTarget } from './tag-targets.js';

/** The tags of a REST API or a stage, all at once (a resource has at most 50). */
export const getTags = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetTagsRequest, context): Tags => ({
      tags: { ...requireTagTarget(apigateway, context, input.resourceArn as string).tags },
    }),
);
