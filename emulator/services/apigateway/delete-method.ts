import type { DeleteMethodRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireMethod } from './lookups.js';

/** Deletes the method with its responses and integration. Deployed stages keep serving it until redeployed. */
export const deleteMethod = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteMethodRequest, context): void => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      apigateway.deleteMethod(restApiId, resourceId, httpMethod);
    },
);
