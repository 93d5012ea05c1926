import type { GetIntegrationResponseRequest, IntegrationResponse } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { integrationResponseView } from './views.js';

export const getIntegrationResponse: Operation<GetIntegrationResponseRequest, IntegrationResponse> = (input, context) => {
  const method = requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string);
  const response = requireIntegration(method).integrationResponses[input.statusCode as string];
  if (!response) throw notFound.responseStatusCode();
  return integrationResponseView(response);
};
