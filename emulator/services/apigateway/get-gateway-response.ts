import type { GatewayResponse, GatewayResponseType, GetGatewayResponseRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { gatewayResponseView } from './gateway-response-types.js';
import { requireRestApi } from './lookups.js';

/** A type's response as it applies: the one set, else the default (`defaultResponse: true`). */
export const getGatewayResponse: Operation<GetGatewayResponseRequest, GatewayResponse> = (input, context) => {
  const apiId = input.restApiId as string;
  requireRestApi(context, apiId);
  return gatewayResponseView(
    input.responseType as GatewayResponseType,
    context.runtime.apigateway.gatewayResponses(apiId),
  );
};
