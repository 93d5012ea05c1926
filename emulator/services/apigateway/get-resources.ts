import type { GetResourcesRequest, Resources } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { resourceView } from './views.js';

/** The API's resources by path, 25 a page unless `limit` says otherwise; `embed=methods` includes each method whole. */
export const getResources = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetResourcesRequest, context): Resources => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      const resources = apigateway.listResources(api.apiId);
      const page = paginate(resources, (resource) => resource.resourceId, input.position, input.limit);
      const methods = apigateway.methodsByResource(api.apiId);
      const embedMethods = input.embed?.includes('methods') ?? false;
      return {
        items: page.items.map((resource) => resourceView(resource, methods.get(resource.resourceId), embedMethods)),
        position: page.position,
      };
    },
);
