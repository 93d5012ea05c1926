import { randomBytes } from 'node:crypto';
import type { Caller } from '../../../auth/caller.js';
import type { IncomingRequest } from '../../../protocols/wire.js';
import { decodePathSegment, type InvokeTarget } from './invoke-target.js';
import type { RouteMatch } from './route-table.js';

/** What the event says about the request beyond the request itself. */
export interface ProxyEventContext {
  request: IncomingRequest;
  target: InvokeTarget;
  match: RouteMatch;
  /** The decoded path below the stage, `/` for the stage root. */
  path: string;
  stageVariables: Record<string, string>;
  deploymentId: string;
  apiAccountId: string;
  binaryMediaTypes: string[];
  caller: Caller | undefined;
  apigwId: string;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `20/Feb/2018:22:48:57 +0000`, as `requestContext.requestTime` carries it. */
export function requestTime(date: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

function headerLines(request: IncomingRequest): [string, string][] {
  const lines: [string, string][] = [];
  if (request.rawHeaders) {
    for (let index = 0; index < request.rawHeaders.length; index += 2) lines.push([request.rawHeaders[index] as string, request.rawHeaders[index + 1] as string]);
  } else {
    for (const [name, values] of request.headers) for (const value of values) lines.push([name, value]);
  }
  return lines;
}

/**
 * The headers as sent (names in the client's case; `headers` keeps the last of repeated values) but the hop-by-hop
 * ones, plus those API Gateway adds on a regional endpoint: X-Forwarded-For/-Port/-Proto and X-Amzn-Trace-Id.
 */
function eventHeaders(context: ProxyEventContext): { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> } {
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
    // Hop-by-hop headers end at API Gateway's front end [unverified].
    else if (lower !== 'connection' && lower !== 'keep-alive') add(name, value);
  }
  const host = context.request.headers.get('host')?.[0] ?? '';
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  add('X-Amzn-Trace-Id', `Root=1-${Math.floor(context.request.receivedAt.getTime() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`);
  add('X-Forwarded-For', forwardedFor === undefined ? context.request.sourceIp : `${forwardedFor}, ${context.request.sourceIp}`);
  add('X-Forwarded-Port', port);
  add('X-Forwarded-Proto', 'http');
  return { headers, multiValueHeaders };
}

/** Query parameters decoded (`+` stays a plus) [unverified]; null when there are none, as AWS sends them. */
function queryParameters(query: string): { single: Record<string, string> | null; multi: Record<string, string[]> | null } {
  if (query === '') return { single: null, multi: null };
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const name = decodePathSegment(equals === -1 ? pair : pair.slice(0, equals));
    const value = equals === -1 ? '' : decodePathSegment(pair.slice(equals + 1));
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return Object.keys(single).length === 0 ? { single: null, multi: null } : { single, multi };
}

function mediaTypeMatches(contentType: string, pattern: string): boolean {
  const [type, subtype] = contentType.split('/');
  const [patternType, patternSubtype] = pattern.toLowerCase().split('/');
  return (patternType === '*' || patternType === type) && (patternSubtype === '*' || patternSubtype === subtype);
}

/** The body as a string, base64 with isBase64Encoded when its content type is one of the API's binary media types. */
function eventBody(context: ProxyEventContext): { body: string | null; isBase64Encoded: boolean } {
  const { body } = context.request;
  if (body.byteLength === 0) return { body: null, isBase64Encoded: false };
  const contentType = (context.request.headers.get('content-type')?.[0] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (context.binaryMediaTypes.some((pattern) => mediaTypeMatches(contentType, pattern))) {
    return { body: Buffer.from(body).toString('base64'), isBase64Encoded: true };
  }
  return { body: Buffer.from(body).toString('utf8'), isBase64Encoded: false };
}

/** The amr of a developer-authenticated token without "authenticated": `login.myapp,login.myapp:<pool>:<user>` [unverified]. */
function authenticationProvider(amr: string[]): string | null {
  const providers = amr.filter((entry) => entry !== 'authenticated' && entry !== 'unauthenticated');
  return providers.length === 0 ? null : providers.join(',');
}

/** `requestContext.identity`: who signed the call (Cognito details for Cognito credentials), where it came from. */
export function eventIdentity(caller: Caller | undefined, request: IncomingRequest): Record<string, string | null> {
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
  const query = queryParameters(request.query);
  const host = request.headers.get('host')?.[0] ?? '';
  const { body, isBase64Encoded } = eventBody(context);
  const receivedMs = request.receivedAt.getTime();
  return {
    resource: match.resource.path,
    path: context.path,
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
      path: `/${target.stageName}${context.path}`,
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
