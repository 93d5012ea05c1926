import type { DeleteIntegrationResponseRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireIntegration, requireResource } from './lookups.js';

/**
 * A missing method is answered as a missing integration here, unlike GetIntegrationResponse (recorded from AWS by
 * LocalStack, `test_delete_integration_response_errors`: "Invalid Integration identifier specified").
 */
export const deleteIntegrationResponse: Operation<DeleteIntegrationResponseRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const resource = requireResource(context, input.restApiId as string, input.resourceId as string);
    const method = store.findMethod(input.restApiId as string, resource.resourceId, input.httpMethod as string);
    if (!method) throw notFound.integration();
    const integration = requireIntegration(method);
    if (!integration.integrationResponses[input.statusCode as string]) throw notFound.responseStatusCode();
    delete integration.integrationResponses[input.statusCode as string];
    store.putMethod(input.restApiId as string, input.resourceId as string, method);
  });
};
