import type { ResourceRecord, RestApiRecord, StoredIntegration, StoredMethod } from '../../store/apigateway-store.js';
import type { OperationContext } from '../service-definition.js';
import { notFound } from './errors.js';

/** The caller's API in the request's region, or AWS's NotFoundException naming `<account>:<id>`. */
export function requireRestApi(context: OperationContext, apiId: string): RestApiRecord {
  const api = context.runtime.apigateway.findRestApi(apiId);
  if (!api || api.accountId !== context.accountId || api.region !== context.region) throw notFound.restApi(context.accountId, apiId);
  return api;
}

export function requireResource(context: OperationContext, apiId: string, resourceId: string): ResourceRecord {
  requireRestApi(context, apiId);
  const resource = context.runtime.apigateway.findResource(apiId, resourceId);
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
