import type { DeleteResourceRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors } from './errors.js';
import { requireResource } from './lookups.js';

/** Deletes a resource with all its descendants and their methods. The root resource stays [unverified wording]. */
export const deleteResource = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteResourceRequest, context): void => {
      const apiId = input.restApiId as string;
      const resource = requireResource(apigateway, context, apiId, input.resourceId as string);
      if (resource.parentId === undefined) throw apiGatewayErrors.rootResourceUndeletable();
      apigateway.deleteResourceTree(apiId, resource.path);
    },
);
