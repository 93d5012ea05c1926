import type { GatewayResponse, GatewayResponseType, GetGatewayResponseRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { gatewayResponseView } from './gateway-response-types.js';
import { requireRestApi } from './lookups.js';

/** A type's response as it applies: the one set, else the default (`defaultResponse: true`). */
export const getGatewayResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetGatewayResponseRequest, context): GatewayResponse => {
      const apiId = input.restApiId as string;
      requireRestApi(apigateway, context, apiId);
      return gatewayResponseView(input.responseType as GatewayResponseType, apigateway.gatewayResponses(apiId));
    },
);
