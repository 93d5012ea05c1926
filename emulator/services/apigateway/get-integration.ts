import type { GetIntegrationRequest, Integration } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { integrationView } from './views.js';

export const getIntegration = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetIntegrationRequest, context): Integration => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      return integrationView(requireIntegration(requireMethod(apigateway, context, restApiId, resourceId, httpMethod)));
    },
);
