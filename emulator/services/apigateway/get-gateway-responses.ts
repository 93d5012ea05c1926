import type { GatewayResponses, GetGatewayResponsesRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { gatewayResponseTypes, gatewayResponseView } from './gateway-response-types.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';

/** All 21 types, set or default, in the order of their names [unverified: AWS's order]. */
export const getGatewayResponses: Operation<GetGatewayResponsesRequest, GatewayResponses> = (input, context) => {
  const apiId = input.restApiId as string;
  requireRestApi(context, apiId);
  const responses = context.runtime.apigateway.gatewayResponses(apiId);
  const views = gatewayResponseTypes.map((type) => gatewayResponseView(type, responses));
  return paginate(views, (view) => view.responseType as string, input.position, input.limit);
};
