import type { DeleteIntegrationRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireIntegration, requireMethod } from './lookups.js';

export const deleteIntegration: Operation<DeleteIntegrationRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const method = requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string);
    requireIntegration(method);
    delete method.integration;
    store.putMethod(input.restApiId as string, input.resourceId as string, method);
  });
};
