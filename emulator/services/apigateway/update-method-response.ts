import type { MethodResponse, PatchOperation, UpdateMethodResponseRequest } from '@aws-sdk/client-api-gateway';
import type { StoredMethodResponse } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notFound } from './errors.js';
import { requireMethod } from './lookups.js';
import { checkModels } from './method-parameters.js';
import { lenientPatchBoolean, patchKey, patchMapEntry, patchValue } from './patch-operations.js';
import { responseHeaderParameter } from './put-method-response.js';
import { methodResponseView } from './views.js';

function applyOperation(response: StoredMethodResponse, operation: PatchOperation): void {
  const parameter = patchKey(operation, '/responseParameters/');
  if (parameter !== undefined) {
    if (operation.op === 'add' && !responseHeaderParameter.test(parameter)) {
      throw apiGatewayErrors.invalidMappingExpression(`Invalid mapping expression parameter specified: ${parameter}`);
    }
    response.responseParameters = patchMapEntry(
      response.responseParameters,
      parameter,
      operation,
      lenientPatchBoolean,
      apiGatewayErrors.missingParameter,
    );
    return;
  }
  const contentType = patchKey(operation, '/responseModels/');
  if (contentType !== undefined) {
    response.responseModels = patchMapEntry(
      response.responseModels,
      contentType,
      operation,
      patchValue,
      apiGatewayErrors.missingContentType,
    );
    return;
  }
  throw apiGatewayErrors.unknownPatchPath(operation.path ?? '');
}

/**
 * add/replace/remove of a method response's `/responseParameters/<header>` and `/responseModels/<content type>`, with
 * AWS's answers as LocalStack recorded them (`test_update_method_response*`, `test_update_method_wrong_param_names`):
 * replacing or removing what is not there is a NotFoundException, another path "Invalid patch path …". AWS answers
 * it with 201, as the model says.
 */
export const updateMethodResponse = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateMethodResponseRequest, context): MethodResponse => {
      const apiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const method = requireMethod(apigateway, context, apiId, resourceId, input.httpMethod as string);
      const existing = method.methodResponses[input.statusCode as string];
      if (!existing) throw notFound.responseStatusCode();
      const response: StoredMethodResponse = { ...existing };
      for (const operation of input.patchOperations ?? []) applyOperation(response, operation);
      checkModels(response.responseModels);
      method.methodResponses[response.statusCode] = response;
      apigateway.putMethod(apiId, resourceId, method);
      return methodResponseView(response);
    },
);
