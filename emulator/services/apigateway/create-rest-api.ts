import type { CreateRestApiRequest, RestApi } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { RestApiRecord } from '../../store/apigateway-store.js';
import type { Operation } from '../service-definition.js';
import { BadRequestException } from './errors.js';
import { apiGatewayId, uniqueId } from './ids.js';
import { validatedResourcePolicy } from './resource-policy.js';
import { restApiView } from './views.js';

export const maxCompressionSize = 10_485_760;

export function checkCompressionSize(size: number | undefined): void {
  if (size !== undefined && (size < 0 || size > maxCompressionSize)) {
    throw new BadRequestException(`Invalid minimum compression size, must be between 0 and ${maxCompressionSize}`);
  }
}

/** Creates the API with its root resource `/`. An EDGE API with header API keys unless told otherwise, as AWS does. */
export const createRestApi: Operation<CreateRestApiRequest, RestApi> = (input, context) => {
  if (input.cloneFrom !== undefined) throw new UnsupportedFeatureException('CreateRestApi with cloneFrom (copying an existing API)');
  if (input.description === '') throw new BadRequestException('Description cannot be an empty string');
  checkCompressionSize(input.minimumCompressionSize);
  const store = context.runtime.apigateway;
  const apiId = uniqueId(10, (id) => store.findRestApi(id) !== undefined);
  const owner = { apiId, accountId: context.accountId, region: context.region };
  const policy = input.policy === undefined || input.policy === '' ? undefined : validatedResourcePolicy(input.policy, owner);
  const api: RestApiRecord = {
    apiId,
    accountId: context.accountId,
    region: context.region,
    name: input.name as string,
    description: input.description,
    version: input.version,
    policy,
    apiKeySource: input.apiKeySource ?? 'HEADER',
    endpointConfiguration: {
      types: input.endpointConfiguration?.types ?? ['EDGE'],
      // [unverified] AWS answers ipv4 unless dualstack was asked for.
      ipAddressType: input.endpointConfiguration?.ipAddressType ?? 'ipv4',
      vpcEndpointIds: input.endpointConfiguration?.vpcEndpointIds,
    },
    binaryMediaTypes: input.binaryMediaTypes ?? [],
    minimumCompressionSize: input.minimumCompressionSize,
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
    tags: input.tags ?? {},
    rootResourceId: apiGatewayId(10),
    createdAt: context.now.getTime(),
  };
  store.insertRestApi(api);
  return restApiView(api);
};
