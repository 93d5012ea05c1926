import type { GetIntegrationResponseRequest, IntegrationResponse } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { integrationResponseView } from './views.js';

export const getIntegrationResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetIntegrationResponseRequest, context): IntegrationResponse => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      const response = requireIntegration(method).integrationResponses[input.statusCode as string];
      if (!response) throw notFound.responseStatusCode();
      return integrationResponseView(response);
    },
);
