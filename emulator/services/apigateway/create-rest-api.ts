import type { CreateRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import type { ApiGatewayStore, RestApiRecord } from '../../store/apigateway-store.js';
import { type CallContext, defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated } from './errors.js';
import { apiGatewayId, uniqueId } from './ids.js';
import { validatedResourcePolicy } from './resource-policy.js';
import { restApiView } from './views.js';

export const maxCompressionSize = 10_485_760;

export function checkCompressionSize(size: number | undefined): void {
  if (size !== undefined && (size < 0 || size > maxCompressionSize)) {
    throw apiGatewayErrors.compressionSize(maxCompressionSize);
  }
}

/**
 * AWS's refusals of an endpoint configuration, recorded by LocalStack
 * (`test_create_rest_api_with_endpoint_configuration`,
 * `test_create_rest_api_private_type`): no type, more than one type, a PRIVATE API that is not dualstack.
 */
export function checkEndpointConfiguration(configuration: RestApiRecord['endpointConfiguration']): void {
  if (configuration.types.length === 0) throw apiGatewayErrors.noEndpointType();
  if (configuration.types.length > 1) throw apiGatewayErrors.multipleEndpointTypes();
  if (configuration.types[0] === 'PRIVATE' && configuration.ipAddressType !== 'dualstack') {
    throw apiGatewayErrors.privateNotDualstack();
  }
}

function endpointConfigurationOf(input: CreateRestApiRequest): RestApiRecord['endpointConfiguration'] {
  const types = input.endpointConfiguration?.types ?? ['EDGE'];
  const configuration = {
    types,
    // PRIVATE APIs are dualstack unless told otherwise, the others ipv4 (`test_create_rest_api_verify_defaults`).
    ipAddressType:
      input.endpointConfiguration?.ipAddressType ??
      (types[0] === 'PRIVATE' && types.length === 1 ? 'dualstack' : 'ipv4'),
    vpcEndpointIds: input.endpointConfiguration?.vpcEndpointIds,
  };
  checkEndpointConfiguration(configuration);
  return configuration;
}

/**
 * A new API as CreateRestApi (and ImportRestApi) make it, checked and with a free id, not yet stored: an EDGE API
 * with header API keys unless told otherwise, as AWS does.
 */
export function newRestApi(
  store: Pick<ApiGatewayStore, 'findRestApi'>,
  input: CreateRestApiRequest,
  context: Pick<CallContext, 'accountId' | 'region' | 'now'>,
): RestApiRecord {
  if (input.cloneFrom !== undefined) throw notEmulated.cloneFrom();
  if (input.description === '') throw apiGatewayErrors.emptyDescription();
  checkCompressionSize(input.minimumCompressionSize);
  const endpointConfiguration = endpointConfigurationOf(input);
  const apiId = uniqueId(10, (id) => store.findRestApi(id) !== undefined);
  const owner = { apiId, accountId: context.accountId, region: context.region };
  const policy =
    input.policy === undefined || input.policy === '' ? undefined : validatedResourcePolicy(input.policy, owner);
  return {
    apiId,
    accountId: context.accountId,
    region: context.region,
    name: input.name as string,
    description: input.description,
    version: input.version,
    policy,
    apiKeySource: input.apiKeySource ?? 'HEADER',
    endpointConfiguration,
    binaryMediaTypes: input.binaryMediaTypes ?? [],
    minimumCompressionSize: input.minimumCompressionSize,
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
    tags: input.tags ?? {},
    rootResourceId: apiGatewayId(10),
    createdAt: context.now.getTime(),
  };
}

/** Creates the API with its root resource `/`. */
export const createRestApi = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: CreateRestApiRequest, context): RestApi => {
      const api = newRestApi(apigateway, input, context);
      apigateway.insertRestApi(api);
      return restApiView(api);
    },
);
