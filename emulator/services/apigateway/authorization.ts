import {
  checked,
  requestTags,
  resourceTags,
  type AuthorizationScope,
  type OperationAuthorization,
  type Permission,
  type ServiceAuthorization,
} from '../../auth/authorization-spec.js';
import { AccessDenied } from '../../auth/auth-errors.js';
import type { ContextValue } from '../../auth/policy/index.js';
import { loadServiceModel, type ServiceModel, type StructureShape } from '../../protocols/service-model.js';

/**
 * What each API Gateway control-plane operation asks of IAM: Service Authorization Reference, "Actions, resources,
 * and condition keys for Amazon API Gateway Management"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html). The
 * action is the HTTP method (`apigateway:GET|POST|PUT|PATCH|DELETE`) and the resource the request's path:
 * `arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/…`, `…::/tags/${UrlEncodedResourceARN}` — as
 * captured refusals show ("…is not authorized to perform: apigateway:PUT on resource:
 * arn:aws:apigateway:ap-northeast-1::/restapis/<id>/resources/<id>/methods/POST"; "apigateway:POST on resource:
 * arn:aws:apigateway:<region>::/tags/arn%3Aaws%3Aapigateway%3A…"). Each is built from the operation's model path with
 * its labels filled from the input. The REST API's tags are `aws:ResourceTag/…` for everything under it; a
 * resource policy set on create or update also needs `apigateway:UpdateRestApiPolicy`. API Gateway's control plane
 * has no resource policy of its own.
 */
let loadedModel: ServiceModel | undefined;
/** Read when API Gateway's control plane is first called, not at start (112 kB of JSON). */
const model = (): ServiceModel => (loadedModel ??= loadServiceModel('apigateway'));

type Input = Record<string, unknown>;

/** The request path of an operation for this input: the model's `requestUri` with its labels filled. */
function requestPath(operation: string, input: Input): string {
  const definition = model().operations[operation];
  if (!definition) throw new Error(`apigateway has no operation ${operation}`);
  const shape = definition.input ? (model().shapes[definition.input.shape] as StructureShape) : undefined;
  const labels = new Map<string, string>();
  for (const [member, ref] of Object.entries(shape?.members ?? {})) {
    if (ref.location === 'uri' && input[member] !== undefined)
      labels.set(ref.locationName ?? member, String(input[member]));
  }
  const path = definition.http.requestUri.split('?')[0] as string;
  return path.replace(/\{([^}+]+)\+?\}/g, (_, label: string) => encodeURIComponent(labels.get(label) ?? ''));
}

function restApiContext(scope: AuthorizationScope, path: string): Record<string, ContextValue> {
  const apiId = /^\/restapis\/([^/]+)/.exec(path)?.[1];
  const api = apiId === undefined ? undefined : scope.stores.apigateway.findRestApi(decodeURIComponent(apiId));
  if (!api || api.accountId !== scope.accountId) return {};
  return {
    ...resourceTags(api.tags),
    'apigateway:Resource/ApiName': api.name,
    'apigateway:Resource/EndpointType': api.endpointConfiguration.types,
    'apigateway:Resource/DisableExecuteApiEndpoint': api.disableExecuteApiEndpoint,
  };
}

/** Keys a request sets on the API it creates or replaces (the `apigateway:Request/…` keys of the SAR). */
function requestedApi(input: Input): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  if (typeof input.name === 'string') context['apigateway:Request/ApiName'] = input.name;
  const types = (input.endpointConfiguration as { types?: string[] } | undefined)?.types;
  if (types) context['apigateway:Request/EndpointType'] = types;
  if (typeof input.disableExecuteApiEndpoint === 'boolean')
    context['apigateway:Request/DisableExecuteApiEndpoint'] = input.disableExecuteApiEndpoint;
  return context;
}

function setsPolicy(operation: string, input: Input): boolean {
  if (operation === 'CreateRestApi') return typeof input.policy === 'string';
  if (operation !== 'UpdateRestApi') return false;
  const patches = (input.patchOperations as { path?: string }[] | undefined) ?? [];
  return patches.some((patch) => patch.path === '/policy' || patch.path?.startsWith('/policy/'));
}

/** Keys the operation's own input sets: tags, the API it creates, a method's authorization. */
function operationKeys(operation: string, input: Input): Record<string, ContextValue> {
  switch (operation) {
    case 'CreateRestApi':
    case 'ImportRestApi':
      return { ...requestTags(input.tags as Record<string, string> | undefined), ...requestedApi(input) };
    case 'CreateStage':
    case 'TagResource':
      return requestTags(input.tags as Record<string, string> | undefined);
    case 'UntagResource':
      return { 'aws:TagKeys': (input.tagKeys as string[] | undefined) ?? [] };
    case 'PutMethod': {
      const context: Record<string, ContextValue> = {};
      if (typeof input.authorizationType === 'string')
        context['apigateway:Request/RouteAuthorizationType'] = input.authorizationType;
      if (typeof input.apiKeyRequired === 'boolean')
        context['apigateway:Request/ApiKeyRequired'] = input.apiKeyRequired;
      return context;
    }
    default:
      return {};
  }
}

function controlPlane(operation: string): OperationAuthorization<Input> {
  const method = model().operations[operation]?.http.method ?? 'GET';
  const action = `apigateway:${method}`;
  return checked<Input>([action], (input, scope) => {
    const path = requestPath(operation, input);
    const resource = `arn:${scope.partition}:apigateway:${scope.region}::${path}`;
    const context = { ...restApiContext(scope, path), ...operationKeys(operation, input) };
    const permissions: Permission[] = [{ action, resource, context }];
    if (setsPolicy(operation, input)) permissions.push({ action: 'apigateway:UpdateRestApiPolicy', resource, context });
    return permissions;
  });
}

/** The emulated operations, and those other helpers are adding (so their specs exist when they land). */
const operationNames = [
  'CreateRestApi',
  'GetRestApi',
  'GetRestApis',
  'UpdateRestApi',
  'DeleteRestApi',
  'PutRestApi',
  'ImportRestApi',
  'CreateResource',
  'GetResource',
  'GetResources',
  'UpdateResource',
  'DeleteResource',
  'PutMethod',
  'GetMethod',
  'UpdateMethod',
  'DeleteMethod',
  'PutMethodResponse',
  'GetMethodResponse',
  'UpdateMethodResponse',
  'DeleteMethodResponse',
  'PutIntegration',
  'GetIntegration',
  'UpdateIntegration',
  'DeleteIntegration',
  'PutIntegrationResponse',
  'GetIntegrationResponse',
  'UpdateIntegrationResponse',
  'DeleteIntegrationResponse',
  'CreateDeployment',
  'GetDeployment',
  'GetDeployments',
  'UpdateDeployment',
  'DeleteDeployment',
  'CreateStage',
  'GetStage',
  'GetStages',
  'UpdateStage',
  'DeleteStage',
  'PutGatewayResponse',
  'GetGatewayResponse',
  'GetGatewayResponses',
  'UpdateGatewayResponse',
  'DeleteGatewayResponse',
  'TagResource',
  'UntagResource',
  'GetTags',
] as const;

let operations: ServiceAuthorization['operations'] | undefined;

export const apiGatewayAuthorization: ServiceAuthorization = {
  prefix: 'apigateway',
  refusal: (message) => new AccessDenied(message),
  /** Built on first use: each operation's action is its model's HTTP method. */
  get operations() {
    operations ??= Object.fromEntries(operationNames.map((name) => [name, controlPlane(name)]));
    return operations;
  },
  fallback: controlPlane,
};
