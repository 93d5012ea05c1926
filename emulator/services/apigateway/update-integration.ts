import type { Integration, PatchOperation, UpdateIntegrationRequest } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { StoredIntegration } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated } from './errors.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { patchKey, patchMapEntry, patchValue } from './patch-operations.js';
import { checkOptions, checkType } from './put-integration.js';
import { integrationView } from './views.js';

const missingEntry = (operation: PatchOperation) => () => apiGatewayErrors.missingPatchEntry(operation.path ?? '');

function optional(operation: PatchOperation): string | undefined {
  return operation.value === undefined || operation.value === '' ? undefined : operation.value;
}

function applyReplace(integration: StoredIntegration, operation: PatchOperation): void {
  switch (operation.path) {
    case '/uri':
      integration.uri = patchValue(operation);
      return;
    case '/httpMethod':
      integration.httpMethod = optional(operation);
      return;
    case '/credentials':
      integration.credentials = optional(operation);
      return;
    case '/passthroughBehavior':
      integration.passthroughBehavior = patchValue(operation);
      return;
    case '/contentHandling':
      integration.contentHandling = optional(operation);
      return;
    case '/cacheNamespace':
      integration.cacheNamespace = patchValue(operation);
      return;
    case '/timeoutInMillis': {
      const text = patchValue(operation);
      // [unverified] AWS's answer to a timeout that is not a number.
      if (!/^\d+$/.test(text)) throw apiGatewayErrors.timeoutOutOfRange();
      integration.timeoutInMillis = Number(text);
      return;
    }
    case '/connectionType':
      if (patchValue(operation) !== 'INTERNET') throw notEmulated.vpcLinks();
      return;
    case '/connectionId':
    case '/tlsConfig/insecureSkipVerification':
      throw new UnsupportedFeatureException(`UpdateIntegration ${operation.path} (VPC links and HTTP integrations)`);
  }
}

const replaceOnlyPaths = [
  '/uri',
  '/httpMethod',
  '/credentials',
  '/passthroughBehavior',
  '/contentHandling',
  '/cacheNamespace',
  '/timeoutInMillis',
  '/connectionType',
  '/connectionId',
  '/tlsConfig/insecureSkipVerification',
];

function applyOperation(integration: StoredIntegration, operation: PatchOperation): void {
  const parameter = patchKey(operation, '/requestParameters/');
  if (parameter !== undefined) {
    integration.requestParameters = patchMapEntry(
      integration.requestParameters,
      parameter,
      operation,
      patchValue,
      missingEntry(operation),
    );
    return;
  }
  const contentType = patchKey(operation, '/requestTemplates/');
  if (contentType !== undefined) {
    integration.requestTemplates = patchMapEntry(
      integration.requestTemplates,
      contentType,
      operation,
      (op) => op.value ?? '',
      missingEntry(operation),
    );
    return;
  }
  const cacheKey = patchKey(operation, '/cacheKeyParameters/');
  if (cacheKey !== undefined) {
    if (operation.op === 'add')
      integration.cacheKeyParameters = [...new Set([...integration.cacheKeyParameters, cacheKey])];
    else if (operation.op === 'remove')
      integration.cacheKeyParameters = integration.cacheKeyParameters.filter((key) => key !== cacheKey);
    else throw apiGatewayErrors.patchOperationNotAllowed(['add', 'remove']);
    return;
  }
  if (!replaceOnlyPaths.includes(operation.path ?? '')) throw apiGatewayErrors.unknownPatchPath(operation.path ?? '');
  if (operation.op !== 'replace') throw apiGatewayErrors.patchOperationNotAllowed(['replace']);
  applyReplace(integration, operation);
}

/**
 * Changes a method's integration with patch operations (what Terraform sends when an `aws_api_gateway_integration`
 * changes): `replace` of uri, httpMethod, credentials, passthroughBehavior, contentHandling, cacheNamespace and
 * timeoutInMillis; add/replace/remove of `/requestParameters/<name>` and `/requestTemplates/<content type>`;
 * add/remove of `/cacheKeyParameters/<name>`. The result is checked as PutIntegration checks a new one; the
 * integration responses stay.
 */
export const updateIntegration = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateIntegrationRequest, context): Integration => {
      const apiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const method = requireMethod(apigateway, context, apiId, resourceId, input.httpMethod as string);
      const integration: StoredIntegration = { ...requireIntegration(method) };
      for (const operation of input.patchOperations ?? []) applyOperation(integration, operation);
      checkType({
        type: integration.type as Integration['type'],
        integrationHttpMethod: integration.httpMethod,
        uri: integration.uri,
        requestTemplates: integration.requestTemplates,
      });
      integration.passthroughBehavior = checkOptions({
        timeoutInMillis: integration.timeoutInMillis,
        credentials: integration.credentials,
        passthroughBehavior: integration.passthroughBehavior,
      });
      if (integration.type === 'MOCK') integration.uri = undefined;
      method.integration = integration;
      apigateway.putMethod(apiId, resourceId, method);
      return integrationView(integration);
    },
);
