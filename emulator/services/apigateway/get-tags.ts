import type { GetTagsRequest, Tags } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireTagTarget } from './tag-targets.js';

/** The tags of a REST API or a stage, all at once (a resource has at most 50). */
export const getTags: Operation<GetTagsRequest, Tags> = (input, context) => ({
  tags: { ...requireTagTarget(context, input.resourceArn as string).tags },
});
