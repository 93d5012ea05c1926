import type { PatchOperation, RestApi, UpdateRestApiRequest } from '@aws-sdk/client-api-gateway';
import type { RestApiRecord } from '../../store/apigateway-store.js';
import type { Operation } from '../service-definition.js';
import { checkCompressionSize, maxCompressionSize } from './create-rest-api.js';
import { BadRequestException } from './errors.js';
import { requireRestApi } from './lookups.js';
import { invalidPatchPath, patchBoolean, patchValue, unescapePathSegment, unsupportedPatchOperation } from './patch-operations.js';
import { validatedResourcePolicy } from './resource-policy.js';
import { restApiView } from './views.js';

const replaceablePaths = ['/name', '/description', '/policy', '/apiKeySource', '/minimumCompressionSize', '/disableExecuteApiEndpoint'];

function applyReplace(api: RestApiRecord, operation: PatchOperation): void {
  switch (operation.path) {
    case '/name': {
      const name = patchValue(operation);
      if (name === '') throw new BadRequestException('Invalid REST API name specified'); // [unverified]
      api.name = name;
      return;
    }
    case '/description':
      api.description = operation.value === undefined || operation.value === '' ? undefined : operation.value;
      return;
    case '/policy':
      api.policy = operation.value === undefined || operation.value === '' ? undefined : validatedResourcePolicy(operation.value, api);
      return;
    case '/apiKeySource': {
      const source = patchValue(operation);
      if (source !== 'HEADER' && source !== 'AUTHORIZER') throw new BadRequestException(`Invalid API Key source specified: ${source}`); // [unverified]
      api.apiKeySource = source;
      return;
    }
    case '/minimumCompressionSize': {
      const text = operation.value ?? '';
      const size = text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isNaN(size)) throw new BadRequestException(`Invalid minimum compression size, must be between 0 and ${maxCompressionSize}`);
      checkCompressionSize(size);
      api.minimumCompressionSize = size;
      return;
    }
    case '/disableExecuteApiEndpoint':
      api.disableExecuteApiEndpoint = patchBoolean(operation);
      return;
    default:
      throw invalidPatchPath(operation, replaceablePaths);
  }
}

/** `/binaryMediaTypes/<type>` with `~1` for `/`: add or remove one media type. */
function applyBinaryMediaType(api: RestApiRecord, operation: PatchOperation): void {
  const type = unescapePathSegment((operation.path as string).slice('/binaryMediaTypes/'.length));
  if (operation.op === 'add') {
    if (!api.binaryMediaTypes.includes(type)) api.binaryMediaTypes = [...api.binaryMediaTypes, type];
  } else if (operation.op === 'remove') {
    api.binaryMediaTypes = api.binaryMediaTypes.filter((existing) => existing !== type);
  } else {
    throw unsupportedPatchOperation(operation);
  }
}

/**
 * Applies the patch operations in order, all or nothing: `replace` of name, description, the resource policy
 * (a JSON string, validated as IAM validates resource policies), apiKeySource, minimumCompressionSize and
 * disableExecuteApiEndpoint; `add`/`remove` of `/binaryMediaTypes/<type>`. A new policy reaches execute-api with
 * the next deployment, as in AWS.
 */
export const updateRestApi: Operation<UpdateRestApiRequest, RestApi> = (input, context) => {
  const store = context.runtime.apigateway;
  return store.db.transaction(() => {
    const api = requireRestApi(context, input.restApiId as string);
    for (const operation of input.patchOperations ?? []) {
      if (operation.path?.startsWith('/binaryMediaTypes/')) applyBinaryMediaType(api, operation);
      else if (operation.op === 'replace') applyReplace(api, operation);
      else if (operation.op === 'remove' && (operation.path === '/policy' || operation.path === '/description')) applyReplace(api, { ...operation, value: '' });
      else if (replaceablePaths.includes(operation.path ?? '')) throw unsupportedPatchOperation(operation);
      else throw invalidPatchPath(operation, [...replaceablePaths, '/binaryMediaTypes/{type}']);
    }
    store.updateRestApi(api);
    return restApiView(api);
  });
};
