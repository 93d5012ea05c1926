import type { GetMethodResponseRequest, MethodResponse } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireMethod } from './lookups.js';
import { methodResponseView } from './views.js';

export const getMethodResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetMethodResponseRequest, context): MethodResponse => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      const response = method.methodResponses[input.statusCode as string];
      if (!response) throw notFound.responseStatusCode();
      return methodResponseView(response);
    },
);
