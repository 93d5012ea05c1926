import type { Method, PutMethodRequest } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { StoredMethod } from '../../store/apigateway-store.js';
import type { Operation } from '../service-definition.js';
import { BadRequestException, ConflictException } from './errors.js';
import { requireResource } from './lookups.js';
import { methodView } from './views.js';

export const httpMethods = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];
const emulatedAuthorizationTypes = ['NONE', 'AWS_IAM'];
const authorizationTypes = [...emulatedAuthorizationTypes, 'CUSTOM', 'COGNITO_USER_POOLS'];

export function checkHttpMethod(httpMethod: string): void {
  if (!httpMethods.includes(httpMethod)) {
    throw new BadRequestException(`Invalid HttpMethod specified. Valid options are ${httpMethods.join(',')}`);
  }
}

function authorizationTypeOf(input: PutMethodRequest): string {
  const type = (input.authorizationType as string).toUpperCase();
  if (!authorizationTypes.includes(type)) {
    // [unverified] wording, patterned on the HttpMethod refusal.
    throw new BadRequestException(`Invalid authorization type specified. Valid options are ${authorizationTypes.join(',')}`);
  }
  if (!emulatedAuthorizationTypes.includes(type)) {
    throw new UnsupportedFeatureException(`authorizationType ${type} (Lambda and Cognito user pool authorizers); idpool emulates NONE and AWS_IAM`);
  }
  return type;
}

/**
 * Adds a method (or ANY) to a resource, with NONE or AWS_IAM authorization. A method that already exists is a
 * ConflictException, as in AWS (UpdateMethod or DeleteMethod first).
 */
export const putMethod: Operation<PutMethodRequest, Method> = (input, context) => {
  const store = context.runtime.apigateway;
  const apiId = input.restApiId as string;
  const httpMethod = input.httpMethod as string;
  return store.db.transaction(() => {
    const resource = requireResource(context, apiId, input.resourceId as string);
    checkHttpMethod(httpMethod);
    const authorizationType = authorizationTypeOf(input);
    if (input.apiKeyRequired) throw new UnsupportedFeatureException('apiKeyRequired: true (API keys and usage plans)');
    if (input.requestValidatorId !== undefined) throw new UnsupportedFeatureException('requestValidatorId (request validation)');
    if (store.findMethod(apiId, resource.resourceId, httpMethod)) throw new ConflictException('Method already exists for this resource');
    const method: StoredMethod = {
      httpMethod,
      authorizationType,
      apiKeyRequired: false,
      operationName: input.operationName,
      requestParameters: input.requestParameters,
      requestModels: input.requestModels,
      methodResponses: {},
    };
    store.putMethod(apiId, resource.resourceId, method);
    return methodView(method);
  });
};
