import type { GatewayResponses, GetGatewayResponsesRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { gatewayResponseTypes, gatewayResponseView } from './gateway-response-types.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';

/** All 21 types, set or default, in the order of their names [unverified: AWS's order]. */
export const getGatewayResponses = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetGatewayResponsesRequest, context): GatewayResponses => {
      const apiId = input.restApiId as string;
      requireRestApi(apigateway, context, apiId);
      const responses = apigateway.gatewayResponses(apiId);
      const views = gatewayResponseTypes.map((type) => gatewayResponseView(type, responses));
      return paginate(views, (view) => view.responseType as string, input.position, input.limit);
    },
);
