import type {
  ApiGatewayStore,
  ResourceRecord,
  RestApiRecord,
  StageRecord,
  StoredIntegration,
  StoredMethod,
} from '../../store/apigateway-store.js';
import type { CallContext } from '../service-definition.js';
import { notFound } from './errors.js';

/** Where a call stands: the account it authenticated as, in the region it signed for. */
export type CallerScope = Pick<CallContext, 'accountId' | 'region'>;

type ApiFinder = Pick<ApiGatewayStore, 'findRestApi'>;
type ResourceFinder = Pick<ApiGatewayStore, 'findRestApi' | 'findResource'>;
type MethodFinder = Pick<ApiGatewayStore, 'findRestApi' | 'findResource' | 'findMethod'>;

/** The caller's API in the request's region, or AWS's NotFoundException naming `<account>:<id>`. */
export function requireRestApi(store: ApiFinder, scope: CallerScope, apiId: string): RestApiRecord {
  const api = findOwnRestApi(store, scope, apiId);
  if (!api) throw notFound.restApi(scope.accountId, apiId);
  return api;
}

/** The caller's API owned in this region, or undefined. */
export function findOwnRestApi(store: ApiFinder, scope: CallerScope, apiId: string): RestApiRecord | undefined {
  const api = store.findRestApi(apiId);
  return api && api.accountId === scope.accountId && api.region === scope.region ? api : undefined;
}

/**
 * A resource of the caller's API. An unknown API is answered as an unknown resource, as AWS answers every call
 * under `/resources/{id}` (PutMethod, UpdateMethod, GetIntegration, PutIntegrationResponse, … with a wrong API id:
 * "Invalid Resource identifier specified", recorded in test_apigateway_api.snapshot.json).
 */
export function requireResource(
  store: ResourceFinder,
  scope: CallerScope,
  apiId: string,
  resourceId: string,
): ResourceRecord {
  const resource = findOwnRestApi(store, scope, apiId) && store.findResource(apiId, resourceId);
  if (!resource) throw notFound.resource();
  return resource;
}

export function requireMethod(
  store: MethodFinder,
  scope: CallerScope,
  apiId: string,
  resourceId: string,
  httpMethod: string,
): StoredMethod {
  requireResource(store, scope, apiId, resourceId);
  const method = store.findMethod(apiId, resourceId, httpMethod);
  if (!method) throw notFound.method();
  return method;
}

export function requireIntegration(method: StoredMethod): StoredIntegration {
  if (!method.integration) throw notFound.integration();
  return method.integration;
}

export function requireStage(
  store: Pick<ApiGatewayStore, 'findRestApi' | 'findStage'>,
  scope: CallerScope,
  apiId: string,
  stageName: string,
): StageRecord {
  requireRestApi(store, scope, apiId);
  const stage = store.findStage(apiId, stageName);
  if (!stage) throw notFound.stage();
  return stage;
}
