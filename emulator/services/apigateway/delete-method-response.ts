import type { DeleteMethodResponseRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireMethod } from './lookups.js';

export const deleteMethodResponse: Operation<DeleteMethodResponseRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const method = requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string);
    if (!method.methodResponses[input.statusCode as string]) throw notFound.responseStatusCode();
    delete method.methodResponses[input.statusCode as string];
    store.putMethod(input.restApiId as string, input.resourceId as string, method);
  });
};
