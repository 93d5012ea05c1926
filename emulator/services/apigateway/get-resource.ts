import type { GetResourceRequest, Resource } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireResource } from './lookups.js';
import { resourceView } from './views.js';

export const getResource = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetResourceRequest, context): Resource => {
      const apiId = input.restApiId as string;
      const resource = requireResource(apigateway, context, apiId, input.resourceId as string);
      const methods = apigateway.methodsByResource(apiId).get(resource.resourceId);
      return resourceView(resource, methods, input.embed?.includes('methods') ?? false);
    },
);
