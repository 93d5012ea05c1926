import type { Method, PutMethodRequest } from '@aws-sdk/client-api-gateway';
import type { StoredMethod } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated } from './errors.js';
import { requireResource } from './lookups.js';
import { checkModels, checkRequestParameters } from './method-parameters.js';
import { methodView } from './views.js';

const httpMethods = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];
const emulatedAuthorizationTypes = ['NONE', 'AWS_IAM'];
const authorizerTypes = ['CUSTOM', 'COGNITO_USER_POOLS'];

function checkHttpMethod(httpMethod: string): void {
  if (!httpMethods.includes(httpMethod)) {
    throw apiGatewayErrors.invalidHttpMethod(httpMethods);
  }
}

/**
 * NONE or AWS_IAM. CUSTOM and COGNITO_USER_POOLS need an authorizer of the API, and idpool has none
 * (CreateAuthorizer answers UnsupportedOperation), so they get AWS's refusal of a missing or unknown authorizer,
 * recorded in `test_put_method_validation` and `test_update_method_validation`.
 */
export function checkAuthorizationType(value: string): string {
  const type = value.toUpperCase();
  if (authorizerTypes.includes(type)) {
    throw apiGatewayErrors.authorizerRequired();
  }
  if (!emulatedAuthorizationTypes.includes(type)) {
    throw apiGatewayErrors.invalidAuthorizationType([...emulatedAuthorizationTypes, ...authorizerTypes]);
  }
  return type;
}

/**
 * Adds a method (or ANY) to a resource, with NONE or AWS_IAM authorization. A method that already exists is a
 * ConflictException, as in AWS (UpdateMethod or DeleteMethod first).
 */
export const putMethod = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: PutMethodRequest, context): Method => {
      const apiId = input.restApiId as string;
      const httpMethod = input.httpMethod as string;
      const resource = requireResource(apigateway, context, apiId, input.resourceId as string);
      checkHttpMethod(httpMethod);
      const authorizationType = checkAuthorizationType(input.authorizationType as string);
      // Request validators are not emulated (CreateRequestValidator answers UnsupportedOperation): no id names one.
      if (input.requestValidatorId !== undefined) throw apiGatewayErrors.unknownRequestValidator();
      checkRequestParameters(input.requestParameters);
      checkModels(input.requestModels);
      if (input.apiKeyRequired) throw notEmulated.apiKeys();
      if (input.authorizationScopes?.length) throw notEmulated.authorizationScopes();
      if (apigateway.findMethod(apiId, resource.resourceId, httpMethod)) throw apiGatewayErrors.methodExists();
      const method: StoredMethod = {
        httpMethod,
        authorizationType,
        apiKeyRequired: false,
        operationName: input.operationName,
        requestParameters: input.requestParameters,
        requestModels: input.requestModels,
        methodResponses: {},
      };
      apigateway.putMethod(apiId, resource.resourceId, method);
      return methodView(method);
    },
);
