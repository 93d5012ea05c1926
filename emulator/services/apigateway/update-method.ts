import type { Method, PatchOperation, UpdateMethodRequest } from '@aws-sdk/client-api-gateway';
import type { StoredMethod } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated } from './errors.js';
import { requireMethod } from './lookups.js';
import { checkModels, checkRequestParameters } from './method-parameters.js';
import { lenientPatchBoolean, patchKey, patchMapEntry, patchValue } from './patch-operations.js';
import { checkAuthorizationType } from './put-method.js';
import { methodView } from './views.js';

function applyReplace(method: StoredMethod, operation: PatchOperation): void {
  switch (operation.path) {
    case '/authorizationType':
      method.authorizationType = checkAuthorizationType(patchValue(operation));
      return;
    case '/authorizerId':
      // AWS ignores an authorizer id on a NONE or AWS_IAM method (recorded: `skip-auth-id-with-wrong-type`).
      return;
    case '/apiKeyRequired':
      if (lenientPatchBoolean(operation)) throw notEmulated.apiKeys();
      method.apiKeyRequired = false;
      return;
    case '/operationName':
      method.operationName = operation.value === undefined || operation.value === '' ? undefined : operation.value;
      return;
    case '/requestValidatorId':
      if (operation.value !== undefined && operation.value !== '') throw apiGatewayErrors.unknownRequestValidator();
      return;
  }
}

const replaceOnlyPaths = [
  '/authorizationType',
  '/authorizerId',
  '/apiKeyRequired',
  '/operationName',
  '/requestValidatorId',
];

function applyOperation(method: StoredMethod, operation: PatchOperation): void {
  const path = operation.path ?? '';
  const parameter = patchKey(operation, '/requestParameters/');
  if (parameter !== undefined) {
    method.requestParameters = patchMapEntry(
      method.requestParameters,
      parameter,
      operation,
      lenientPatchBoolean,
      apiGatewayErrors.missingParameter,
    );
    return;
  }
  const rawContentType = path.startsWith('/requestModels/') ? path.slice('/requestModels/'.length) : undefined;
  if (rawContentType !== undefined && rawContentType !== '' && !rawContentType.includes('/')) {
    method.requestModels = patchMapEntry(
      method.requestModels,
      patchKey(operation, '/requestModels/') as string,
      operation,
      patchValue,
      apiGatewayErrors.missingContentType,
    );
    return;
  }
  if (path === '/authorizationScopes') throw notEmulated.authorizationScopes();
  if (!replaceOnlyPaths.includes(path)) throw apiGatewayErrors.unknownPatchPath(operation.path ?? '');
  if (operation.op !== 'replace') throw apiGatewayErrors.patchOperationNotAllowed(['replace']);
  applyReplace(method, operation);
}

/**
 * Changes a method with patch operations, in order and all or nothing, with AWS's refusals as LocalStack recorded
 * them (test_apigateway_api.snapshot.json, `test_update_method` and `test_update_method_validation`): `replace` of
 * authorizationType, authorizerId, apiKeyRequired, operationName and requestValidatorId; add/replace/remove of
 * `/requestParameters/<name>` and `/requestModels/<content type with ~1>`. What the method serves changes for
 * callers with the next deployment.
 */
export const updateMethod = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateMethodRequest, context): Method => {
      const apiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const method = requireMethod(apigateway, context, apiId, resourceId, input.httpMethod as string);
      for (const operation of input.patchOperations ?? []) applyOperation(method, operation);
      checkRequestParameters(method.requestParameters);
      checkModels(method.requestModels);
      apigateway.putMethod(apiId, resourceId, method);
      return methodView(method);
    },
);
