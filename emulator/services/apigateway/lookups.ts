import type { ResourceRecord, RestApiRecord, StoredIntegration, StoredMethod } from '../../store/apigateway-store.js';
import type { OperationContext } from '../service-definition.js';
import { notFound } from './errors.js';

/** The caller's API in the request's region, or AWS's NotFoundException naming `<account>:<id>`. */
export function requireRestApi(context: OperationContext, apiId: string): RestApiRecord {
  const api = findOwnRestApi(context, apiId);
  if (!api) throw notFound.restApi(context.accountId, apiId);
  return api;
}

/** The caller's API owned in this region, or undefined. */
export function findOwnRestApi(context: OperationContext, apiId: string): RestApiRecord | undefined {
  const api = context.runtime.apigateway.findRestApi(apiId);
  return api && api.accountId === context.accountId && api.region === context.region ? api : undefined;
}

/**
 * A resource of the caller's API. An unknown API is answered as an unknown resource, as AWS answers every call
 * under `/resources/{id}` (PutMethod, UpdateMethod, GetIntegration, PutIntegrationResponse, … with a wrong API id:
 * "Invalid Resource identifier specified", recorded in test_apigateway_api.snapshot.json).
 */
export function requireResource(context: OperationContext, apiId: string, resourceId: string): ResourceRecord {
  const resource = findOwnRestApi(context, apiId) && context.runtime.apigateway.findResource(apiId, resourceId);
  if (!resource) throw notFound.resource();
  return resource;
}

export function requireMethod(context: OperationContext, apiId: string, resourceId: string, httpMethod: string): StoredMethod {
  requireResource(context, apiId, resourceId);
  const method = context.runtime.apigateway.findMethod(apiId, resourceId, httpMethod);
  if (!method) throw notFound.method();
  return method;
}

export function requireIntegration(method: StoredMethod): StoredIntegration {
  if (!method.integration) throw notFound.integration();
  return method.integration;
}
