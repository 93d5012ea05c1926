import type {
  IntegrationResponse,
  PatchOperation,
  UpdateIntegrationResponseRequest,
} from '@aws-sdk/client-api-gateway';
import type { StoredIntegrationResponse } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notFound } from './errors.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { checkStaticTemplates } from './mapping-templates.js';
import { patchKey, patchMapEntry, patchValue } from './patch-operations.js';
import { checkResponseParameters } from './response-parameters.js';
import { integrationResponseView } from './views.js';

function applyOperation(response: StoredIntegrationResponse, operation: PatchOperation): void {
  const parameter = patchKey(operation, '/responseParameters/');
  if (parameter !== undefined) {
    response.responseParameters = patchMapEntry(
      response.responseParameters,
      parameter,
      operation,
      patchValue,
      apiGatewayErrors.missingParameter, // [unverified] for integration responses
    );
    return;
  }
  const contentType = patchKey(operation, '/responseTemplates/');
  if (contentType !== undefined) {
    response.responseTemplates = patchMapEntry(
      response.responseTemplates,
      contentType,
      operation,
      (op) => op.value ?? '',
      apiGatewayErrors.missingContentType, // [unverified] for integration responses
    );
    return;
  }
  if (operation.path !== '/selectionPattern' && operation.path !== '/contentHandling')
    throw apiGatewayErrors.unknownPatchPath(operation.path ?? '');
  if (operation.op !== 'replace') throw apiGatewayErrors.patchOperationNotAllowed(['replace']);
  const value = operation.value === undefined || operation.value === '' ? undefined : operation.value;
  if (operation.path === '/selectionPattern') response.selectionPattern = value;
  else response.contentHandling = value;
}

/**
 * Changes an integration response: `replace` of selectionPattern and contentHandling (recorded from AWS in
 * `test_lifecycle_integration_response`), add/replace/remove of `/responseParameters/<header>` and
 * `/responseTemplates/<content type>`, checked as PutIntegrationResponse checks them.
 */
export const updateIntegrationResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateIntegrationResponseRequest, context): IntegrationResponse => {
      const restApiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const httpMethod = input.httpMethod as string;
      const statusCode = input.statusCode as string;
      const method = requireMethod(apigateway, context, restApiId, resourceId, httpMethod);
      const integration = requireIntegration(method);
      const existing = integration.integrationResponses[statusCode];
      if (!existing) throw notFound.responseStatusCode();
      const response: StoredIntegrationResponse = { ...existing };
      for (const operation of input.patchOperations ?? []) applyOperation(response, operation);
      checkResponseParameters(response.responseParameters, method.methodResponses[statusCode]);
      checkStaticTemplates(response.responseTemplates, 'Integration response template');
      integration.integrationResponses[statusCode] = response;
      apigateway.putMethod(restApiId, resourceId, method);
      return integrationResponseView(response);
    },
);
