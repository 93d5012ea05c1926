import type { GetMethodRequest, Method } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireMethod } from './lookups.js';
import { methodView } from './views.js';

/** The method with its method responses and its integration (with integration responses). */
export const getMethod = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetMethodRequest, context): Method => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      return methodView(requireMethod(apigateway, context, restApiId, resourceId, httpMethod));
    },
);
