import type { ListTagsForResourceInput, ListTagsForResourceResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { poolOfArn } from './tags.js';

export const listTagsForResource = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: ListTagsForResourceInput, context): ListTagsForResourceResponse => ({
      Tags: poolOfArn(cognito, context, input.ResourceArn as string).tags,
    }),
);
