import type { ListTagsRequest, ListTagsResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { taggedFunction } from './tagged-function.js';

export const listTags: Operation<ListTagsRequest, ListTagsResponse> = (input, context) => ({ Tags: taggedFunction(input.Resource as string, context).tags });
