import type { AwsError } from '../errors.js';
import type { RequestContext } from '../request-context.js';
import { AwsJsonProtocol } from './aws-json.js';
import { AwsQueryProtocol } from './aws-query.js';
import { RestJsonProtocol } from './rest-json.js';
import type { WireResponse } from './wire.js';

/**
 * The one place an AWS service's error reaches the wire: in the protocol of the endpoint that claimed the request,
 * awsQuery with the namespace of the service that answered (STS and IAM share the protocol, not the namespace). A
 * request no AWS endpoint claimed answers restJson's shape, as AWS's front doors do for an unknown path.
 */
export function errorResponse(error: AwsError, context: RequestContext): WireResponse {
  context.errorCode = error.codeOn(context.protocol ?? 'restJson1');
  context.errorMessage = error.message;
  context.expired = error.options.expired;
  switch (context.protocol) {
    case 'awsJson1_1':
      return AwsJsonProtocol.errorResponse(error, context.requestId);
    case 'awsQuery':
      return AwsQueryProtocol.errorResponse(error, context.requestId, context.xmlNamespace);
    default:
      return RestJsonProtocol.errorResponse(error, context.requestId);
  }
}
