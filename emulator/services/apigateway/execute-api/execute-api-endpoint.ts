import { authenticate } from '../../../auth/authenticate.js';
import type { Caller } from '../../../auth/caller.js';
import { headerValue } from '../../../auth/sigv4.js';
import type { Endpoint } from '../../../endpoint.js';
import { isAwsError } from '../../../errors.js';
import { contentTypeOf, type IncomingRequest, type WireResponse } from '../../../protocols/wire.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import type { LambdaInvoker } from '../../lambda/lambda-invoker.js';
import { refusalOfInvoke } from './authorize-invoke.js';
import {
  accessDenied,
  authenticationRefused,
  forbidden,
  gatewayError,
  internalServerError,
  missingAuthenticationToken,
  newApigwId,
  type ResponseIds,
} from './gateway-responses.js';
import { decodePathSegment, executeApiHostId, invokeTargetOf, isUserRequestPath, pathSegments } from './invoke-target.js';
import { invokeLambdaProxy } from './lambda-proxy.js';
import { mockResponse } from './mock-integration.js';
import { proxyEvent } from './proxy-event.js';
import { RouteTable, type RouteMatch } from './route-table.js';

export interface ExecuteApiOptions {
  /** The Lambda service, for AWS_PROXY integrations (read per request: it may be attached after start). */
  lambda: () => LambdaInvoker | undefined;
}

function requestValues(request: IncomingRequest, match: RouteMatch): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, list] of request.headers) values.set(`header.${name}`, list.join(','));
  for (const pair of request.query.split('&')) {
    const equals = pair.indexOf('=');
    if (pair !== '') values.set(`querystring.${decodePathSegment(equals === -1 ? pair : pair.slice(0, equals))}`, equals === -1 ? '' : decodePathSegment(pair.slice(equals + 1)));
  }
  for (const [name, value] of Object.entries(match.pathParameters)) values.set(`path.${name}`, value);
  return values;
}

/**
 * The execute-api data plane: a deployed stage of a REST API answering as API Gateway does. Routing first (an
 * unknown route is "Missing Authentication Token"), then for AWS_IAM methods SigV4 authentication of the request
 * exactly as received, then execute-api:Invoke against the caller's policies and the API's resource policy, then
 * the integration (Lambda proxy or MOCK).
 */
export async function serveExecuteApi(runtime: EmulatorRuntime, options: ExecuteApiOptions, request: IncomingRequest): Promise<WireResponse> {
  const ids: ResponseIds = { requestId: request.requestId, apigwId: newApigwId() };
  const target = invokeTargetOf(request);
  const store = runtime.apigateway;
  const api = target && store.findRestApi(target.apiId);
  if (!target || !api) {
    // [unverified] AWS has no such host name at all; LocalStack answers 404 likewise.
    return gatewayError(ids, 404, 'NotFoundException', JSON.stringify({ message: `Invalid API identifier specified ${target?.apiId ?? ''}` }));
  }
  // An unknown or missing stage is a route like any other that matches nothing [unverified: some report "Forbidden"].
  const stage = target.stageName === '' ? undefined : store.findStage(api.apiId, target.stageName);
  const snapshot = stage && store.deploymentSnapshot(api.apiId, stage.deploymentId);
  if (!stage || !snapshot) return missingAuthenticationToken(ids);
  if (snapshot.disableExecuteApiEndpoint) return forbidden(ids);
  const match = RouteTable.of(snapshot).match(pathSegments(target.rawPath), request.method);
  if (!match) return missingAuthenticationToken(ids);

  let caller: Caller | undefined;
  if (match.method.authorizationType === 'AWS_IAM') {
    try {
      caller = (await authenticate(runtime, request, { service: 'execute-api', region: api.region, strict: true })).caller;
    } catch (error) {
      if (isAwsError(error)) return authenticationRefused(ids, error);
      throw error;
    }
  }
  const path = target.rawPath.split('/').map(decodePathSegment).join('/');
  const methodArn = `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${target.stageName}/${request.method}/${path.slice(1)}`;
  const refusal = refusalOfInvoke(runtime, {
    caller,
    methodArn,
    region: api.region,
    apiAccountId: api.accountId,
    resourcePolicy: snapshot.policy,
    sourceIp: request.sourceIp,
    userAgent: headerValue(request, 'user-agent') ?? '',
    now: runtime.clock.now(),
  });
  if (refusal !== undefined) return accessDenied(ids, refusal);

  const integration = match.method.integration;
  if (integration?.type === 'MOCK') {
    return mockResponse({ integration, contentType: contentTypeOf(request), requestValues: requestValues(request, match), stageVariables: stage.variables, ids, log: runtime.log });
  }
  if (integration?.type !== 'AWS_PROXY') return internalServerError(ids, 500);
  const event = proxyEvent({
    request,
    target,
    match,
    path,
    stageVariables: stage.variables,
    deploymentId: stage.deploymentId,
    apiAccountId: api.accountId,
    binaryMediaTypes: snapshot.binaryMediaTypes,
    caller,
    apigwId: ids.apigwId,
  });
  return invokeLambdaProxy({
    runtime,
    lambda: options.lambda(),
    integration,
    event,
    stageVariables: stage.variables,
    accountId: api.accountId,
    region: api.region,
    sourceArn: `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${target.stageName}/${request.method}${match.resource.path}`,
    ids,
  });
}

/** Claims requests for `<api-id>.execute-api.*` hosts and `/restapis/<id>/<stage>/_user_request_/…` paths. */
export function executeApiEndpoint(runtime: EmulatorRuntime, options: ExecuteApiOptions): Endpoint {
  return {
    name: 'execute-api',
    claims: (request) => executeApiHostId(request) !== undefined || isUserRequestPath(request.path),
    serve: async (request) => {
      try {
        return await serveExecuteApi(runtime, options, request);
      } catch (error) {
        runtime.log.error(`execute-api ${request.requestId} ${request.method} ${request.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return internalServerError({ requestId: request.requestId, apigwId: newApigwId() }, 500);
      }
    },
  };
}
