import { randomBytes } from 'node:crypto';
import type { AwsError } from '../../../errors.js';
import type { WireResponse } from '../../../protocols/wire.js';

/** The ids every execute-api answer carries: `x-amzn-RequestId` (a UUID) and `x-amz-apigw-id` (`b8UjWFjpIAMEbfA=`). */
export interface ResponseIds {
  requestId: string;
  apigwId: string;
}

export function newApigwId(): string {
  return randomBytes(11).toString('base64');
}

export function idHeaders(ids: ResponseIds): Record<string, string> {
  return { 'x-amzn-RequestId': ids.requestId, 'x-amz-apigw-id': ids.apigwId };
}

/** A refusal by API Gateway itself: status, `x-amzn-ErrorType` and a JSON body, exactly. */
export function gatewayError(ids: ResponseIds, status: number, errorType: string, body: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', ...idHeaders(ids), 'x-amzn-ErrorType': errorType },
    body,
    omitEmulatorCors: true,
  };
}

/** Unknown route or method, and an unsigned call to an AWS_IAM method. */
export function missingAuthenticationToken(ids: ResponseIds): WireResponse {
  return gatewayError(ids, 403, 'MissingAuthenticationTokenException', '{"message":"Missing Authentication Token"}');
}

/** The authentication errors of emulator/auth, on execute-api's wire: 403 and `{"message": …}`. */
export function authenticationRefused(ids: ResponseIds, error: AwsError): WireResponse {
  return gatewayError(ids, error.statusOn('executeApi'), error.codeOn('executeApi'), JSON.stringify({ message: error.message }));
}

/** `{"Message": …}` with a capital M, as execute-api writes an authorization refusal. */
export function accessDenied(ids: ResponseIds, message: string): WireResponse {
  return gatewayError(ids, 403, 'AccessDeniedException', JSON.stringify({ Message: message }));
}

/** 500 for a configuration fault (no invoke permission, unknown function), 502 for a failing or malformed Lambda. */
export function internalServerError(ids: ResponseIds, status: 500 | 502): WireResponse {
  return gatewayError(ids, status, 'InternalServerErrorException', '{"message": "Internal server error"}');
}

/** The API's default execute-api endpoint is disabled (disableExecuteApiEndpoint). */
export function forbidden(ids: ResponseIds): WireResponse {
  return gatewayError(ids, 403, 'ForbiddenException', '{"message":"Forbidden"}');
}

export function endpointTimedOut(ids: ResponseIds): WireResponse {
  return gatewayError(ids, 504, 'IntegrationTimeoutException', '{"message": "Endpoint request timed out"}');
}

export function unsupportedMediaType(ids: ResponseIds): WireResponse {
  return gatewayError(ids, 415, 'UnsupportedMediaTypeException', '{"message":"Unsupported Media Type"}');
}
