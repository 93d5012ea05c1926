import type { DeleteMethodResponseRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireMethod } from './lookups.js';

export const deleteMethodResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteMethodResponseRequest, context): void => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const statusCode = input.statusCode as string;
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      if (!method.methodResponses[statusCode]) throw notFound.responseStatusCode();
      delete method.methodResponses[statusCode];
      apigateway.putMethod(restApiId, resourceId, method);
    },
);
