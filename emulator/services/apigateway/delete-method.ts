import type { DeleteMethodRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireMethod } from './lookups.js';

/** Deletes the method with its responses and integration. Deployed stages keep serving it until redeployed. */
export const deleteMethod: Operation<DeleteMethodRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string);
    store.deleteMethod(input.restApiId as string, input.resourceId as string, input.httpMethod as string);
  });
};
