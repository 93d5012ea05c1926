import type { Method, PutMethodRequest } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { StoredMethod } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { BadRequestException, ConflictException } from './errors.js';
import { requireResource } from './lookups.js';
import { checkModels, checkRequestParameters } from './method-parameters.js';
import { methodView } from './views.js';

const httpMethods = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];
const emulatedAuthorizationTypes = ['NONE', 'AWS_IAM'];
const authorizerTypes = ['CUSTOM', 'COGNITO_USER_POOLS'];

function checkHttpMethod(httpMethod: string): void {
  if (!httpMethods.includes(httpMethod)) {
    throw new BadRequestException(`Invalid HttpMethod specified. Valid options are ${httpMethods.join(',')}`);
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
    throw new BadRequestException(
      'Invalid authorizer ID specified. ' +
        'Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.',
    );
  }
  if (!emulatedAuthorizationTypes.includes(type)) {
    // [unverified] wording, patterned on the HttpMethod refusal.
    throw new BadRequestException(
      `Invalid authorization type specified. Valid options are ${[...emulatedAuthorizationTypes, ...authorizerTypes]}`,
    );
  }
  return type;
}

/** Request validators are not emulated (CreateRequestValidator answers UnsupportedOperation): no id names one. */
export function unknownRequestValidator(): BadRequestException {
  return new BadRequestException('Invalid Request Validator identifier specified');
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
      if (input.requestValidatorId !== undefined) throw unknownRequestValidator();
      checkRequestParameters(input.requestParameters);
      checkModels(input.requestModels);
      if (input.apiKeyRequired)
        throw new UnsupportedFeatureException('apiKeyRequired: true (API keys and usage plans)');
      if (input.authorizationScopes?.length)
        throw new UnsupportedFeatureException('authorizationScopes (Cognito user pool authorizers)');
      if (apigateway.findMethod(apiId, resource.resourceId, httpMethod))
        throw new ConflictException('Method already exists for this resource');
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
