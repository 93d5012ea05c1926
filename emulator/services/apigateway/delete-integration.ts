import type { DeleteIntegrationRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireIntegration, requireMethod } from './lookups.js';

export const deleteIntegration = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteIntegrationRequest, context): void => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      requireIntegration(method);
      delete method.integration;
      apigateway.putMethod(restApiId, resourceId, method);
    },
);
