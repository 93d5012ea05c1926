import type { GetResourcesRequest, Resources } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { resourceView } from './views.js';

/** The API's resources by path, 25 a page unless `limit` says otherwise; `embed=methods` includes each method whole. */
export const getResources: Operation<GetResourcesRequest, Resources> = (input, context) => {
  const store = context.runtime.apigateway;
  const api = requireRestApi(context, input.restApiId as string);
  const page = paginate(store.listResources(api.apiId), (resource) => resource.resourceId, input.position, input.limit);
  const methods = store.methodsByResource(api.apiId);
  const embedMethods = input.embed?.includes('methods') ?? false;
  return { items: page.items.map((resource) => resourceView(resource, methods.get(resource.resourceId), embedMethods)), position: page.position };
};
