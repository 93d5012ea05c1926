import type { ListTagsRequest, ListTagsResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { taggedFunction } from './tagged-function.js';

export const listTags = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: ListTagsRequest, context): ListTagsResponse => ({
      Tags: taggedFunction(lambdaStore, input.Resource as string, context).tags,
    }),
);
