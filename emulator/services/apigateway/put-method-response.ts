import type { MethodResponse, PutMethodResponseRequest } from '@aws-sdk/client-api-gateway';
import type { StoredMethodResponse } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors } from './errors.js';
import { requireMethod } from './lookups.js';
import { methodResponseView } from './views.js';

export const responseHeaderParameter = /^method\.response\.header\.[^.\s]+$/;

/**
 * Declares a status code the method can answer, with the response headers an integration response may set
 * (`method.response.header.Access-Control-Allow-Origin: false`). A second declaration of the same code is a
 * conflict [unverified wording].
 */
export const putMethodResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: PutMethodResponseRequest, context): MethodResponse => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const statusCode = input.statusCode as string;
      for (const name of Object.keys(input.responseParameters ?? {})) {
        if (!responseHeaderParameter.test(name)) {
          throw apiGatewayErrors.invalidMappingExpression(`Invalid mapping expression parameter specified: ${name}`);
        }
      }
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      if (method.methodResponses[statusCode]) throw apiGatewayErrors.methodResponseExists();
      const { responseParameters, responseModels } = input;
      const response: StoredMethodResponse = { statusCode, responseParameters, responseModels };
      method.methodResponses[statusCode] = response;
      apigateway.putMethod(restApiId, resourceId, method);
      return methodResponseView(response);
    },
);
