import type { DeleteIntegrationResponseRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireIntegration, requireMethod } from './lookups.js';

export const deleteIntegrationResponse: Operation<DeleteIntegrationResponseRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const method = requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string);
    const integration = requireIntegration(method);
    if (!integration.integrationResponses[input.statusCode as string]) throw notFound.responseStatusCode();
    delete integration.integrationResponses[input.statusCode as string];
    store.putMethod(input.restApiId as string, input.resourceId as string, method);
  });
};
