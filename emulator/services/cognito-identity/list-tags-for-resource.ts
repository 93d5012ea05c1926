import type { ListTagsForResourceInput, ListTagsForResourceResponse } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { poolOfArn } from './tags.js';

export const listTagsForResource: Operation<ListTagsForResourceInput, ListTagsForResourceResponse> = (input, context) => ({
  Tags: poolOfArn(context, input.ResourceArn as string).tags,
});
