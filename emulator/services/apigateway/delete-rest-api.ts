import type { DeleteRestApiRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';

/** Deletes the API with its resources, methods, deployments and stages: its execute-api URLs stop answering. */
export const deleteRestApi = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteRestApiRequest, context): void => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      apigateway.deleteRestApi(api.apiId);
    },
);
