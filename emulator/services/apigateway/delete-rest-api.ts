import type { DeleteRestApiRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';

/** Deletes the API with its resources, methods, deployments and stages: its execute-api URLs stop answering. */
export const deleteRestApi: Operation<DeleteRestApiRequest, void> = (input, context) => {
  const api = requireRestApi(context, input.restApiId as string);
  context.runtime.apigateway.deleteRestApi(api.apiId);
};
