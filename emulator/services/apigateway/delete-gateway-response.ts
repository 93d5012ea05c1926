import type { DeleteGatewayResponseRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors } from './errors.js';
import { requireRestApi } from './lookups.js';

/** Brings a type back to its default; one never set is refused (recorded: test_gateway_response_validation). */
export const deleteGatewayResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteGatewayResponseRequest, context): void => {
      const apiId = input.restApiId as string;
      requireRestApi(apigateway, context, apiId);
      if (!apigateway.deleteGatewayResponse(apiId, input.responseType as string)) {
        throw apiGatewayErrors.gatewayResponseNotSet();
      }
    },
);
