import type { DeleteIntegrationResponseRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireIntegration, requireResource } from './lookups.js';

/**
 * A missing method is answered as a missing integration here, unlike GetIntegrationResponse (recorded from AWS by
 * LocalStack, `test_delete_integration_response_errors`: "Invalid Integration identifier specified").
 */
export const deleteIntegrationResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteIntegrationResponseRequest, context): void => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const statusCode = input.statusCode as string;
      const resource = requireResource(apigateway, context, restApiId, resourceId);
      const method = apigateway.findMethod(restApiId, resource.resourceId, httpMethod);
      if (!method) throw notFound.integration();
      const integration = requireIntegration(method);
      if (!integration.integrationResponses[statusCode]) throw notFound.responseStatusCode();
      delete integration.integrationResponses[statusCode];
      apigateway.putMethod(restApiId, resourceId, method);
    },
);
