import type { GetMethodResponseRequest, MethodResponse } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireMethod } from './lookups.js';
import { methodResponseView } from './views.js';

export const getMethodResponse: Operation<GetMethodResponseRequest, MethodResponse> = (input, context) => {
  const method = requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string);
  const response = method.methodResponses[input.statusCode as string];
  if (!response) throw notFound.responseStatusCode();
  return methodResponseView(response);
};
