import type { PatchOperation, RestApi, UpdateRestApiRequest } from '@aws-sdk/client-api-gateway';
import type { RestApiRecord } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { checkCompressionSize, checkEndpointConfiguration, maxCompressionSize } from './create-rest-api.js';
import { apiGatewayErrors } from './errors.js';
import { requireRestApi } from './lookups.js';
import { patchBoolean, patchValue, unescapePathSegment } from './patch-operations.js';
import { validatedResourcePolicy } from './resource-policy.js';
import { restApiView } from './views.js';

const replaceablePaths = [
  '/name',
  '/description',
  '/policy',
  '/apiKeySource',
  '/minimumCompressionSize',
  '/disableExecuteApiEndpoint',
];
const endpointTypes = ['REGIONAL', 'EDGE', 'PRIVATE'];

function applyReplace(api: RestApiRecord, operation: PatchOperation): void {
  switch (operation.path) {
    case '/name': {
      const name = patchValue(operation);
      if (name === '') throw apiGatewayErrors.emptyApiName();
      api.name = name;
      return;
    }
    case '/description':
      api.description = operation.value === undefined || operation.value === '' ? undefined : operation.value;
      return;
    case '/policy':
      api.policy =
        operation.value === undefined || operation.value === ''
          ? undefined
          : validatedResourcePolicy(operation.value, api);
      return;
    case '/apiKeySource': {
      const source = patchValue(operation);
      if (source !== 'HEADER' && source !== 'AUTHORIZER') throw apiGatewayErrors.invalidApiKeySource(source);
      api.apiKeySource = source;
      return;
    }
    case '/minimumCompressionSize': {
      const text = operation.value ?? '';
      const size = text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isNaN(size)) throw apiGatewayErrors.compressionSize(maxCompressionSize);
      checkCompressionSize(size);
      api.minimumCompressionSize = size;
      return;
    }
    case '/disableExecuteApiEndpoint':
      api.disableExecuteApiEndpoint = patchBoolean(operation);
      return;
    default:
      throw apiGatewayErrors.invalidPatchPath(operation, replaceablePaths);
  }
}

/**
 * `/binaryMediaTypes/<type>` with `~1` for `/`: each type is a member, not an array index (AWS answers
 * `add /binaryMediaTypes/-` with the type `-`); `replace` swaps one type for the value, appended last.
 */
function applyBinaryMediaType(api: RestApiRecord, operation: PatchOperation): void {
  const type = unescapePathSegment((operation.path as string).slice('/binaryMediaTypes/'.length));
  const others = api.binaryMediaTypes.filter((existing) => existing !== type);
  if (operation.op === 'add')
    api.binaryMediaTypes = api.binaryMediaTypes.includes(type) ? api.binaryMediaTypes : [...others, type];
  else if (operation.op === 'remove') api.binaryMediaTypes = others;
  else if (operation.op === 'replace') {
    const replacement = patchValue(operation);
    api.binaryMediaTypes = [...others.filter((existing) => existing !== replacement), replacement];
  } else throw apiGatewayErrors.patchOperationNotAllowed(['add', 'remove', 'replace']);
}

/**
 * `/endpointConfiguration/types/0` and `/endpointConfiguration/ipAddressType`, with AWS's answers recorded in
 * `test_update_rest_api_ip_address_type`: a PRIVATE API becomes dualstack, and only dualstack.
 */
function applyEndpointConfiguration(api: RestApiRecord, operation: PatchOperation): void {
  const configuration = { ...api.endpointConfiguration };
  if (operation.path === '/endpointConfiguration/ipAddressType') {
    if (operation.op !== 'replace') throw apiGatewayErrors.patchOperationNotAllowed(['replace']);
    const type = operation.value ?? '';
    if (type !== 'ipv4' && type !== 'dualstack') throw apiGatewayErrors.invalidIpAddressType();
    configuration.ipAddressType = type;
  } else {
    if (operation.op !== 'replace') throw apiGatewayErrors.endpointTypeOperation();
    const type = operation.value ?? '';
    if (!endpointTypes.includes(type)) throw apiGatewayErrors.invalidEndpointType(endpointTypes);
    configuration.types = [type];
    if (type === 'PRIVATE') configuration.ipAddressType = 'dualstack';
  }
  checkEndpointConfiguration(configuration);
  api.endpointConfiguration = configuration;
}

function applyOperation(api: RestApiRecord, operation: PatchOperation): void {
  const path = operation.path ?? '';
  if (path === '/binaryMediaTypes') throw apiGatewayErrors.unknownPatchPath(operation.path ?? '');
  if (path.startsWith('/binaryMediaTypes/')) return applyBinaryMediaType(api, operation);
  if (path === '/endpointConfiguration/ipAddressType' || path === '/endpointConfiguration/types/0')
    return applyEndpointConfiguration(api, operation);
  if (operation.op === 'replace') return applyReplace(api, operation);
  if (operation.op === 'remove' && (path === '/policy' || path === '/description'))
    return applyReplace(api, { ...operation, value: '' });
  if (replaceablePaths.includes(path)) throw apiGatewayErrors.patchOperationNotAllowed(['replace']);
  throw apiGatewayErrors.invalidPatchPath(operation, [...replaceablePaths, '/binaryMediaTypes/{type}']);
}

/**
 * Applies the patch operations in order, all or nothing: `replace` of name, description, the resource policy
 * (a JSON string, validated as IAM validates resource policies), apiKeySource, minimumCompressionSize,
 * disableExecuteApiEndpoint and the endpoint configuration; add/replace/remove of `/binaryMediaTypes/<type>`.
 * Wording as recorded from AWS by LocalStack (`test_update_rest_api_*`). A new policy reaches execute-api with the
 * next deployment, as in AWS. AWS answers `tags: {}` here even for an API without tags (same recordings).
 */
export const updateRestApi = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateRestApiRequest, context): RestApi => {
      // A copy: the store's records are shared (and frozen); the patch operations change only top-level members.
      const api: RestApiRecord = { ...requireRestApi(apigateway, context, input.restApiId as string) };
      for (const operation of input.patchOperations ?? []) applyOperation(api, operation);
      apigateway.updateRestApi(api);
      return { ...restApiView(api), tags: { ...api.tags } };
    },
);
