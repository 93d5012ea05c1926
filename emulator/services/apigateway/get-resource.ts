import type { GetResourceRequest, Resource } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireResource } from './lookups.js';
import { resourceView } from './views.js';

export const getResource: Operation<GetResourceRequest, Resource> = (input, context) => {
  const apiId = input.restApiId as string;
  const resource = requireResource(context, apiId, input.resourceId as string);
  const methods = context.runtime.apigateway.methodsByResource(apiId).get(resource.resourceId);
  return resourceView(resource, methods, input.embed?.includes('methods') ?? false);
};
