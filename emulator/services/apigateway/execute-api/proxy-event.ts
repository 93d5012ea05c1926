import { randomSlice } from '../../../random-bytes.js';
import type { Caller } from '../../../auth/caller.js';
import type { IncomingRequest } from '../../../protocols/wire.js';
import { eventPathOf } from './canonical-path.js';
import type { InvokeTarget } from './invoke-target.js';
import { firstMediaType, mediaTypeMatches } from './media-types.js';
import { queryParameters } from './query-string.js';
import type { RouteMatch } from './route-table.js';

/** What the event says about the request beyond the request itself. */
export interface ProxyEventContext {
  request: IncomingRequest;
  target: InvokeTarget;
  match: RouteMatch;
  stageVariables: Record<string, string>;
  deploymentId: string;
  apiAccountId: string;
  binaryMediaTypes: string[];
  caller: Caller | undefined;
  apigwId: string;
  /** `X-Amzn-Trace-Id`, which API Gateway adds to the request. */
  traceId: string;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `20/Feb/2018:22:48:57 +0000`, as `requestContext.requestTime` carries it. */
function requestTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${two(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}`;
  return `${day}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function headerLines(request: IncomingRequest): [string, string][] {
  const lines: [string, string][] = [];
  if (request.rawHeaders) {
    for (let index = 0; index < request.rawHeaders.length; index += 2)
      lines.push([request.rawHeaders[index] as string, request.rawHeaders[index + 1] as string]);
  } else {
    for (const [name, values] of request.headers) for (const value of values) lines.push([name, value]);
  }
  return lines;
}

/**
 * Request headers API Gateway never passes on, recorded in test_apigateway_integrations.py::
 * TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws[AWS_PROXY] (sent, absent from the event;
 * Content-Length is absent from every recorded POST event too). Keep-Alive, hop-by-hop, likewise [unverified].
 */
const droppedHeaders = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'keep-alive',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'www-authenticate',
]);

/**
 * The name a header arrives under: the client's spelling, but for Authorization, which arrives as `Authorization`
 * in any spelling (recorded in test_apigateway_lambda.py::test_lambda_aws_proxy_integration: `authorization` and
 * `aUThorization` arrive as `Authorization`, `tEsT-HEADeR` as sent).
 */
function eventHeaderName(name: string): string {
  return name.toLowerCase() === 'authorization' ? 'Authorization' : name;
}

/**
 * The headers as sent but the dropped ones (`headers` keeps the last of repeated values [unverified]), plus those
 * API Gateway adds on a regional endpoint: X-Forwarded-For/-Port/-Proto and X-Amzn-Trace-Id.
 */
function eventHeaders(context: ProxyEventContext): {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
} {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const add = (name: string, value: string) => {
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  };
  let forwardedFor: string | undefined;
  for (const [name, value] of headerLines(context.request)) {
    const lower = name.toLowerCase();
    if (lower === 'x-forwarded-for') forwardedFor = value;
    else if (lower !== 'x-amzn-trace-id' && !droppedHeaders.has(lower)) add(eventHeaderName(name), value);
  }
  const host = context.request.headers.get('host')?.[0] ?? '';
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  add('X-Amzn-Trace-Id', context.traceId);
  add(
    'X-Forwarded-For',
    forwardedFor === undefined ? context.request.sourceIp : `${forwardedFor}, ${context.request.sourceIp}`,
  );
  add('X-Forwarded-Port', port);
  add('X-Forwarded-Proto', 'http');
  return { headers, multiValueHeaders };
}

/** `Root=1-<epoch seconds in hex>-<24 hex digits>`, as API Gateway starts a trace. */
export function newTraceId(receivedAt: Date): string {
  return `Root=1-${Math.floor(receivedAt.getTime() / 1000).toString(16)}-${randomSlice(12).toString('hex')}`;
}

/** The query's parameters, the last value of each in the single map (recorded); null when there are none. */
function eventQuery(query: string): { single: Record<string, string> | null; multi: Record<string, string[]> | null } {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [name, value] of queryParameters(query)) {
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return Object.keys(single).length === 0 ? { single: null, multi: null } : { single, multi };
}

/** The body as a string, base64 with isBase64Encoded when its content type is one of the API's binary media types. */
function eventBody(context: ProxyEventContext): { body: string | null; isBase64Encoded: boolean } {
  const { body } = context.request;
  if (body.byteLength === 0) return { body: null, isBase64Encoded: false };
  const contentType = firstMediaType(context.request.headers.get('content-type')?.[0]);
  if (context.binaryMediaTypes.some((pattern) => mediaTypeMatches(contentType, pattern))) {
    return { body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
  }
  return { body: Buffer.from(body).toString('utf8'), isBase64Encoded: false };
}

/**
 * The amr of a developer-authenticated token without "authenticated": `login.myapp,login.myapp:<pool>:<user>`
 * [unverified].
 */
function authenticationProvider(amr: string[]): string | null {
  const providers = amr.filter((entry) => entry !== 'authenticated' && entry !== 'unauthenticated');
  return providers.length === 0 ? null : providers.join(',');
}

/** `requestContext.identity`: who signed the call (Cognito details for Cognito credentials), where it came from. */
function eventIdentity(caller: Caller | undefined, request: IncomingRequest): Record<string, string | null> {
  const source = caller?.kind === 'role-session' ? caller.session.source : undefined;
  return {
    cognitoIdentityPoolId: source?.identityPoolId ?? null,
    accountId: caller?.accountId ?? null,
    cognitoIdentityId: source?.identityId ?? null,
    caller: caller?.userId ?? null,
    sourceIp: request.sourceIp,
    principalOrgId: null,
    accessKey: caller?.accessKeyId ?? null,
    cognitoAuthenticationType: source?.authenticationType ?? null,
    cognitoAuthenticationProvider: source ? authenticationProvider(source.amr) : null,
    userArn: caller?.arn ?? null,
    userAgent: request.headers.get('user-agent')?.[0] ?? null,
    user: caller?.userId ?? null,
  };
}

/**
 * The REST API payload 1.0 event of an AWS_PROXY integration, as the developer guide's "Input format of a Lambda
 * function for proxy integration" shows it.
 */
export function proxyEvent(context: ProxyEventContext): Record<string, unknown> {
  const { request, target, match } = context;
  const { headers, multiValueHeaders } = eventHeaders(context);
  const query = eventQuery(request.query);
  const host = request.headers.get('host')?.[0] ?? '';
  const { body, isBase64Encoded } = eventBody(context);
  const receivedMs = request.receivedAt.getTime();
  return {
    resource: match.resource.path,
    path: eventPathOf(target.path),
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.single,
    multiValueQueryStringParameters: query.multi,
    pathParameters: Object.keys(match.pathParameters).length === 0 ? null : match.pathParameters,
    stageVariables: Object.keys(context.stageVariables).length === 0 ? null : context.stageVariables,
    requestContext: {
      resourceId: match.resource.resourceId,
      resourcePath: match.resource.path,
      httpMethod: request.method,
      extendedRequestId: context.apigwId,
      requestTime: requestTime(request.receivedAt),
      // As sent below the stage, `//` and all (recorded: `/stage//hardcoded`).
      path: `/${target.stageName}${target.rawPath === '' ? '/' : target.rawPath}`,
      accountId: context.apiAccountId,
      protocol: 'HTTP/1.1',
      stage: target.stageName,
      domainPrefix: host.split('.')[0] ?? '',
      requestTimeEpoch: receivedMs,
      requestId: request.requestId,
      identity: eventIdentity(context.caller, request),
      // The Host as sent, port included, so that a function can build URLs back to the emulator.
      domainName: host,
      deploymentId: context.deploymentId,
      apiId: target.apiId,
    },
    body,
    isBase64Encoded,
  };
}
