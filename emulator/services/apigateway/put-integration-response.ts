import type { IntegrationResponse, PutIntegrationResponseRequest } from '@aws-sdk/client-api-gateway';
import type { StoredIntegrationResponse } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { checkStaticTemplates } from './mapping-templates.js';
import { checkResponseParameters } from './response-parameters.js';
import { integrationResponseView } from './views.js';

/**
 * Sets (or replaces) how the integration's answer becomes the method's: for a MOCK integration the status code,
 * the headers (`method.response.header.Access-Control-Allow-Origin: "'*'"`) and a static body.
 */
export const putIntegrationResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: PutIntegrationResponseRequest, context): IntegrationResponse => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const statusCode = input.statusCode as string;
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      const integration = requireIntegration(method);
      checkResponseParameters(input.responseParameters, method.methodResponses[statusCode]);
      checkStaticTemplates(input.responseTemplates, 'Integration response template');
      const response: StoredIntegrationResponse = {
        statusCode,
        selectionPattern: input.selectionPattern,
        responseParameters: input.responseParameters,
        responseTemplates: input.responseTemplates,
        contentHandling: input.contentHandling,
      };
      integration.integrationResponses[statusCode] = response;
      apigateway.putMethod(restApiId, resourceId, method);
      return integrationResponseView(response);
    },
);
