import type { GatewayResponseType } from '@aws-sdk/client-api-gateway';
import { randomSlice } from '../../../random-bytes.js';
import type { AwsError } from '../../../errors.js';
import type { WireResponse } from '../../../protocols/wire.js';
import {
  defaultGatewayTemplates,
  effectiveGatewayResponse,
  referenceName,
  templateReference,
  type GatewayResponses,
} from '../gateway-response-types.js';

/** The ids every execute-api answer carries: `x-amzn-RequestId` (a UUID) and `x-amz-apigw-id` (`b8UjWFjpIAMEbfA=`). */
export interface ResponseIds {
  requestId: string;
  apigwId: string;
}

export function newApigwId(): string {
  return randomSlice(11).toString('base64');
}

export function idHeaders(ids: ResponseIds): Record<string, string> {
  return { 'x-amzn-RequestId': ids.requestId, 'x-amz-apigw-id': ids.apigwId };
}

/** A refusal outside any API's configuration (no such API): status, `x-amzn-ErrorType` and a JSON body, exactly. */
export function plainGatewayResponse(ids: ResponseIds, status: number, errorType: string, body: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...idHeaders(ids), 'x-amzn-ErrorType': errorType },
    body,
    omitEmulatorCors: true,
  };
}

/** An answer of API Gateway itself, which the API's gateway response of `type` shapes when one is set. */
export interface GatewayError {
  kind: 'gateway-error';
  type: GatewayResponseType;
  status: number;
  errorType: string;
  message: string;
  /** AWS's exact body under the default template, where it is not `{"message":<message as JSON>}`. */
  body?: string;
}

export function isGatewayError(value: unknown): value is GatewayError {
  return (value as GatewayError | undefined)?.kind === 'gateway-error';
}

function gatewayError(
  type: GatewayResponseType,
  status: number,
  errorType: string,
  message: string,
  body?: string,
): GatewayError {
  return { kind: 'gateway-error', type, status, errorType, message, body };
}

const authenticationTypes: Record<string, GatewayResponseType> = {
  MissingAuthenticationTokenException: 'MISSING_AUTHENTICATION_TOKEN',
  InvalidSignatureException: 'INVALID_SIGNATURE',
  ExpiredTokenException: 'EXPIRED_TOKEN',
};

/** The answers below name their gateway response type from the developer guide's table of types. */
export const gatewayErrors = {
  /** Unknown route or method, and an unsigned call to an AWS_IAM method. */
  missingAuthenticationToken: () =>
    gatewayError(
      'MISSING_AUTHENTICATION_TOKEN',
      403,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    ),
  /** Authentication errors of emulator/auth on execute-api: 403 and `{"message": …}`; other codes [unverified]. */
  authenticationRefused: (error: AwsError) => {
    const code = error.codeOn('executeApi');
    return gatewayError(authenticationTypes[code] ?? 'DEFAULT_4XX', error.statusOn('executeApi'), code, error.message);
  },
  /** `{"Message": …}` with a capital M, as execute-api writes an IAM authorization refusal. */
  accessDenied: (message: string) =>
    gatewayError('ACCESS_DENIED', 403, 'AccessDeniedException', message, JSON.stringify({ Message: message })),
  /**
   * A configuration fault reaching the integration (no invoke permission, unknown function, integrationHttpMethod
   * not POST): INTEGRATION_FAILURE, yet 500 unless a status code is set, not the 504 GetGatewayResponse shows
   * (recorded: test_apigateway_lambda.py::test_lambda_aws_proxy_integration_non_post_method).
   */
  integrationFailure: () =>
    gatewayError(
      'INTEGRATION_FAILURE',
      500,
      'InternalServerErrorException',
      'Internal server error',
      '{"message": "Internal server error"}',
    ),
  /** A failing function or a malformed proxy answer: 502 [unverified: type DEFAULT_5XX]. */
  badGateway: () =>
    gatewayError(
      'DEFAULT_5XX',
      502,
      'InternalServerErrorException',
      'Internal server error',
      '{"message": "Internal server error"}',
    ),
  /** "No match for output mapping and no default output mapping configured" (the guide: API_CONFIGURATION_ERROR). */
  apiConfigurationError: () =>
    gatewayError(
      'API_CONFIGURATION_ERROR',
      500,
      'InternalServerErrorException',
      'Internal server error',
      '{"message": "Internal server error"}',
    ),
  endpointTimedOut: () =>
    gatewayError(
      'INTEGRATION_TIMEOUT',
      504,
      'IntegrationTimeoutException',
      'Endpoint request timed out',
      '{"message": "Endpoint request timed out"}',
    ),
  unsupportedMediaType: () =>
    gatewayError('UNSUPPORTED_MEDIA_TYPE', 415, 'UnsupportedMediaTypeException', 'Unsupported Media Type'),
};

/** What a gateway response may read of the request being answered. */
export interface GatewayResponseContext {
  ids: ResponseIds;
  /** The gateway responses of the deployment serving the stage (none before a stage is known). */
  responses: GatewayResponses | undefined;
  apiId: string;
  accountId: string;
  stage: string;
  httpMethod: string;
  stageVariables: Record<string, string>;
  resource?: { resourceId: string; path: string };
  /** `header.<lower-case name>`, `querystring.<name>`, `path.<name>`. */
  requestValues: Map<string, string>;
}

// Node refuses these in a header value (and so does HTTP): CR, LF, NUL and other controls but tab.
const headerValueCharacters = /^[\t\x20-\x7e\x80-\xff]*$/;

export function isValidHeaderValue(value: string): boolean {
  return headerValueCharacters.test(value);
}

function mappedValue(expression: string, context: GatewayResponseContext): string | undefined {
  if (expression.startsWith("'") && expression.endsWith("'")) return expression.slice(1, -1);
  if (expression.startsWith('stageVariables.'))
    return context.stageVariables[expression.slice('stageVariables.'.length)];
  const request = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(expression);
  if (!request) return undefined;
  const name = request[1] === 'header' ? (request[2] as string).toLowerCase() : (request[2] as string);
  return context.requestValues.get(`${request[1]}.${name}`);
}

function referenceValue(name: string, error: GatewayError, context: GatewayResponseContext): string {
  const values: Record<string, string | undefined> = {
    'context.error.message': error.message,
    'context.error.messageString': JSON.stringify(error.message),
    'context.error.responseType': error.type,
    'context.requestId': context.ids.requestId,
    'context.extendedRequestId': context.ids.apigwId,
    'context.apiId': context.apiId,
    'context.accountId': context.accountId,
    'context.stage': context.stage,
    'context.resourceId': context.resource?.resourceId,
    'context.resourcePath': context.resource?.path,
    'context.httpMethod': context.httpMethod,
  };
  if (name.startsWith('stageVariables.')) return context.stageVariables[name.slice('stageVariables.'.length)] ?? '';
  // An unknown value renders empty [unverified]; PutGatewayResponse refused any reference not listed here.
  return values[name] ?? '';
}

function sameTemplates(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The answer for `error` under the API's gateway responses: the status code set for its type (or its DEFAULT_4XX
 * / DEFAULT_5XX) overrides the error's own, the response parameters add headers (`'literal'` or request values),
 * and a template other than the default renders the body. Under the default template the body is AWS's exact one.
 */
export function gatewayErrorResponse(error: GatewayError, context: GatewayResponseContext): WireResponse {
  const effective = effectiveGatewayResponse(error.type, context.responses ?? {});
  const status = effective.setStatusCode === undefined ? error.status : Number(effective.setStatusCode);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...idHeaders(context.ids),
    'x-amzn-ErrorType': error.errorType,
  };
  let body = error.body ?? JSON.stringify({ message: error.message });
  if (!sameTemplates(effective.responseTemplates, defaultGatewayTemplates)) {
    const contentType =
      effective.responseTemplates['application/json'] === undefined
        ? Object.keys(effective.responseTemplates)[0]
        : 'application/json';
    if (contentType !== undefined) {
      headers['content-type'] = contentType;
      const template = effective.responseTemplates[contentType] as string;
      body = template.replace(templateReference, (...match: string[]) =>
        referenceValue(referenceName(match), error, context),
      );
    }
  }
  for (const [target, expression] of Object.entries(effective.responseParameters)) {
    const value = mappedValue(expression, context);
    if (value === undefined || !isValidHeaderValue(value)) continue;
    const name = target.slice('gatewayresponse.header.'.length);
    if (name.toLowerCase() === 'content-type') delete headers['content-type'];
    headers[name] = value;
  }
  return { status, headers, body, omitEmulatorCors: true };
}
