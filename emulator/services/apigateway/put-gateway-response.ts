import type { GatewayResponse, GatewayResponseType, PutGatewayResponseRequest } from '@aws-sdk/client-api-gateway';
import type { StoredGatewayResponse } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { checkGatewayParameters, checkGatewayTemplates, gatewayResponseView } from './gateway-response-types.js';
import { requireRestApi } from './lookups.js';

function nonEmpty(map: Record<string, string> | undefined): Record<string, string> | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}

/**
 * Sets a gateway response, replacing the whole of an earlier one: what is left out takes the type's default again
 * (recorded: test_gateway_response_put, a put of the status code alone brings back the default template). It
 * applies to execute-api once deployed.
 */
export const putGatewayResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: PutGatewayResponseRequest, context): GatewayResponse => {
      const apiId = input.restApiId as string;
      const type = input.responseType as GatewayResponseType;
      const response: StoredGatewayResponse = {
        statusCode: input.statusCode,
        responseParameters: nonEmpty(input.responseParameters),
        responseTemplates: nonEmpty(input.responseTemplates),
      };
      checkGatewayParameters(response.responseParameters ?? {});
      checkGatewayTemplates(response.responseTemplates ?? {});
      requireRestApi(apigateway, context, apiId);
      apigateway.putGatewayResponse(apiId, type, response);
      return gatewayResponseView(type, apigateway.gatewayResponses(apiId));
    },
);
