import type { DeleteGatewayResponseRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { NotFoundException } from './errors.js';
import { requireRestApi } from './lookups.js';

/** Brings a type back to its default; one never set is refused (recorded: test_gateway_response_validation). */
export const deleteGatewayResponse: Operation<DeleteGatewayResponseRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  const apiId = input.restApiId as string;
  store.db.transaction(() => {
    requireRestApi(context, apiId);
    if (!store.deleteGatewayResponse(apiId, input.responseType as string))
      throw new NotFoundException('Gateway response type not defined on api');
  });
};
