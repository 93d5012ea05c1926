import { authenticate } from '../../../auth/authenticate.js';
import type { Caller } from '../../../auth/caller.js';
import { headerValue } from '../../../auth/sigv4.js';
import type { Endpoint } from '../../../endpoint.js';
import { isAwsError } from '../../../errors.js';
import { contentTypeOf, type IncomingRequest, type WireResponse } from '../../../protocols/wire.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import type { LambdaInvoker } from '../../lambda/lambda-invoker.js';
import { refusalOfInvoke } from './authorize-invoke.js';
import { arnPathOf } from './canonical-path.js';
import {
  gatewayErrorResponse,
  gatewayErrors,
  isGatewayError,
  newApigwId,
  plainGatewayResponse,
  type GatewayError,
  type GatewayResponseContext,
  type ResponseIds,
} from './gateway-responses.js';
import { executeApiHostId, invokeTargetOf, isUserRequestPath } from './invoke-target.js';
import { invokeLambdaProxy } from './lambda-proxy.js';
import { firstMediaType } from './media-types.js';
import { mockResponse } from './mock-integration.js';
import { newTraceId, proxyEvent } from './proxy-event.js';
import { queryParameters } from './query-string.js';
import { RouteTable, type RouteMatch } from './route-table.js';

export interface ExecuteApiOptions {
  /** The Lambda service, for AWS_PROXY integrations (read per request: it may be attached after start). */
  lambda: () => LambdaInvoker | undefined;
}

/** Request values a mapping may read: `header.<lower-case name>`, `querystring.<name>`, `path.<name>`. */
function requestValues(request: IncomingRequest, match: RouteMatch | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, list] of request.headers) values.set(`header.${name}`, list.join(','));
  for (const [name, value] of queryParameters(request.query)) values.set(`querystring.${name}`, value);
  for (const [name, value] of Object.entries(match?.pathParameters ?? {})) values.set(`path.${name}`, value);
  return values;
}

/**
 * The execute-api data plane: a deployed stage of a REST API answering as API Gateway does. Routing first (an
 * unknown route is "Missing Authentication Token"), then for AWS_IAM methods SigV4 authentication of the request
 * exactly as received, then execute-api:Invoke against the caller's policies and the API's resource policy, then
 * the integration (Lambda proxy or MOCK). Routing, the resource ARN and the Lambda event all read the one
 * canonical form of the path (canonical-path.ts). API Gateway's own answers go through the deployment's gateway
 * responses.
 */
async function serveExecuteApi(
  runtime: EmulatorRuntime,
  options: ExecuteApiOptions,
  request: IncomingRequest,
): Promise<WireResponse> {
  const ids: ResponseIds = { requestId: request.requestId, apigwId: newApigwId() };
  const target = invokeTargetOf(request);
  const { context: requestContext } = request;
  requestContext.service = 'execute-api';
  requestContext.operation = 'Invoke';
  if (target) {
    const path = `/${arnPathOf(target.path)}`;
    requestContext.executeApi = { apiId: target.apiId, stage: target.stageName, method: request.method, path };
  }
  const store = runtime.apigateway;
  const api = target && store.findRestApi(target.apiId);
  if (!target || !api) {
    // [unverified] AWS has no such host name at all; LocalStack answers 404 likewise.
    return plainGatewayResponse(
      ids,
      404,
      'NotFoundException',
      JSON.stringify({ message: `Invalid API identifier specified ${target?.apiId ?? ''}` }),
    );
  }
  // An unknown or missing stage is a route like any other that matches nothing [unverified: some report "Forbidden"].
  const stage = target.stageName === '' ? undefined : store.findStage(api.apiId, target.stageName);
  const snapshot = stage && store.deploymentSnapshot(api.apiId, stage.deploymentId);
  let matched: RouteMatch | undefined;
  let values: Map<string, string> | undefined;
  const context: GatewayResponseContext = {
    ids,
    responses: snapshot?.gatewayResponses,
    apiId: api.apiId,
    accountId: api.accountId,
    stage: target.stageName,
    httpMethod: request.method,
    stageVariables: stage?.variables ?? {},
    // Read only by a gateway response or a MOCK integration: built then, for the route matched by then.
    get requestValues() {
      values ??= requestValues(request, matched);
      return values;
    },
  };
  const answer = (result: WireResponse | GatewayError): WireResponse =>
    isGatewayError(result) ? gatewayErrorResponse(result, context) : result;
  if (!stage || !snapshot) return answer(gatewayErrors.missingAuthenticationToken());
  if (snapshot.disableExecuteApiEndpoint)
    return plainGatewayResponse(ids, 403, 'ForbiddenException', '{"message":"Forbidden"}');
  const match = RouteTable.of(snapshot).match(target.path, request.method);
  if (!match) return answer(gatewayErrors.missingAuthenticationToken());
  context.resource = { resourceId: match.resource.resourceId, path: match.resource.path };
  matched = match;
  values = undefined;

  let caller: Caller | undefined;
  if (match.method.authorizationType === 'AWS_IAM') {
    try {
      caller = (await authenticate(runtime, request, { service: 'execute-api', region: api.region, strict: true }))
        .caller;
      requestContext.caller = caller;
      requestContext.authentication = 'sigv4';
    } catch (error) {
      if (!isAwsError(error)) throw error;
      // API Gateway answers in its own shape, not through the error writer: keep what expired for the request log.
      requestContext.expired = error.options.expired;
      return answer(gatewayErrors.authenticationRefused(error));
    }
  }
  const stageArn = `arn:aws:execute-api:${api.region}:${api.accountId}:${api.apiId}/${target.stageName}`;
  const methodArn = `${stageArn}/${request.method}/${arnPathOf(target.path)}`;
  const refusal = refusalOfInvoke(
    runtime,
    {
      caller,
      methodArn,
      region: api.region,
      apiAccountId: api.accountId,
      resourcePolicy: snapshot.policy,
      sourceIp: request.sourceIp,
      userAgent: headerValue(request, 'user-agent') ?? '',
      now: runtime.clock.now(),
    },
    requestContext,
  );
  if (refusal !== undefined) return answer(gatewayErrors.accessDenied(refusal));

  const integration = match.method.integration;
  if (integration?.type === 'MOCK') {
    return answer(
      mockResponse({
        integration,
        contentType: contentTypeOf(request),
        requestValues: context.requestValues,
        stageVariables: stage.variables,
        ids,
        log: runtime.log,
      }),
    );
  }
  if (integration?.type !== 'AWS_PROXY') return answer(gatewayErrors.integrationFailure());
  const traceId = headerValue(request, 'x-amzn-trace-id') ?? newTraceId(request.receivedAt);
  const event = proxyEvent({
    request,
    target,
    match,
    stageVariables: stage.variables,
    deploymentId: stage.deploymentId,
    apiAccountId: api.accountId,
    binaryMediaTypes: snapshot.binaryMediaTypes,
    caller,
    apigwId: ids.apigwId,
    traceId,
  });
  return answer(
    await invokeLambdaProxy({
      runtime,
      lambda: options.lambda(),
      integration,
      event,
      stageVariables: stage.variables,
      accountId: api.accountId,
      region: api.region,
      sourceArn: `${stageArn}/${request.method}${match.resource.path}`,
      accept: firstMediaType(headerValue(request, 'accept')),
      binaryMediaTypes: snapshot.binaryMediaTypes,
      traceId,
      ids,
    }),
  );
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
        runtime.log.error(
          `execute-api ${request.requestId} ${request.method} ${request.path} failed: ` +
            (error instanceof Error ? (error.stack ?? error.message) : String(error)),
        );
        const ids = { requestId: request.requestId, apigwId: newApigwId() };
        return plainGatewayResponse(ids, 500, 'InternalServerErrorException', '{"message": "Internal server error"}');
      }
    },
  };
}
