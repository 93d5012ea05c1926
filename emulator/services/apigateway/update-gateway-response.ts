import type {
  GatewayResponse,
  GatewayResponseType,
  PatchOperation,
  UpdateGatewayResponseRequest,
} from '@aws-sdk/client-api-gateway';
import type { StoredGatewayResponse } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors } from './errors.js';
import {
  checkGatewayParameters,
  checkGatewayTemplates,
  defaultGatewayTemplates,
  gatewayResponseView,
} from './gateway-response-types.js';
import { requireRestApi } from './lookups.js';
import { unescapePathSegment } from './patch-operations.js';

function applyToMap(map: Record<string, string>, key: string, operation: PatchOperation, member: string): void {
  if (operation.op === 'remove') {
    // [unverified] for remove
    if (map[key] === undefined) throw apiGatewayErrors.missingParameter();
    delete map[key];
    return;
  }
  if (operation.op !== 'add' && operation.op !== 'replace') throw apiGatewayErrors.unsupportedPatchOperation(operation);
  if (operation.value === undefined || operation.value === '') throw apiGatewayErrors.emptyPatchValue(member);
  if (operation.op === 'replace' && map[key] === undefined) throw apiGatewayErrors.missingParameter();
  map[key] = operation.value;
}

function applyOperation(response: Required<StoredGatewayResponse>, operation: PatchOperation): void {
  const path = operation.path;
  if (path === '/statusCode') {
    if (operation.op !== 'replace') throw apiGatewayErrors.unknownPatchPath(path ?? 'null');
    if (operation.value === undefined || operation.value === '') throw apiGatewayErrors.emptyPatchValue('statusCode');
    response.statusCode = operation.value;
    return;
  }
  const member = /^\/(responseParameters|responseTemplates)\/(.+)$/.exec(path ?? '');
  if (!member) throw apiGatewayErrors.unknownPatchPath(path ?? 'null');
  const name = member[1] as 'responseParameters' | 'responseTemplates';
  applyToMap(response[name], unescapePathSegment(member[2] as string), operation, name);
}

/**
 * Changes one type's response with patch operations, starting from what applies now; a type never set becomes set
 * (recorded: replacing /statusCode of an unset DEFAULT_4XX answers it with `defaultResponse: false`).
 */
export const updateGatewayResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateGatewayResponseRequest, context): GatewayResponse => {
      const apiId = input.restApiId as string;
      const type = input.responseType as GatewayResponseType;
      requireRestApi(apigateway, context, apiId);
      const own = apigateway.gatewayResponses(apiId)[type];
      const response = {
        statusCode: own?.statusCode,
        responseParameters: { ...(own?.responseParameters ?? {}) },
        responseTemplates: { ...(own?.responseTemplates ?? defaultGatewayTemplates) },
      } as Required<StoredGatewayResponse>;
      for (const operation of input.patchOperations ?? []) applyOperation(response, operation);
      checkGatewayParameters(response.responseParameters);
      checkGatewayTemplates(response.responseTemplates);
      apigateway.putGatewayResponse(apiId, type, response);
      return gatewayResponseView(type, apigateway.gatewayResponses(apiId));
    },
);
