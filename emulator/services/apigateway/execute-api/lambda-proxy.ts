import { isAwsError } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import type { WireResponse } from '../../../protocols/wire.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import type { StoredIntegration } from '../../../store/apigateway-store.js';
import type { LambdaInvoker } from '../../lambda/lambda-invoker.js';
import { lambdaFunctionOfUri, withStageVariables } from '../integration-uri.js';
import { gatewayErrors, idHeaders, type GatewayError, type ResponseIds } from './gateway-responses.js';
import { roleMayInvoke } from './integration-credentials.js';
import { mediaTypeMatches } from './media-types.js';
import { parseProxyResponse } from './proxy-response.js';

export interface LambdaProxyCall {
  runtime: EmulatorRuntime;
  lambda: LambdaInvoker | undefined;
  integration: StoredIntegration;
  event: Record<string, unknown>;
  stageVariables: Record<string, string>;
  /** The API's owner and region, where a function named without an ARN lives. */
  accountId: string;
  region: string;
  /** `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<resource path>`, the SourceArn Lambda sees. */
  sourceArn: string;
  /** The first media type of the request's Accept header, lower-case ('' when none). */
  accept: string;
  binaryMediaTypes: string[];
  /** The `X-Amzn-Trace-Id` the event carries, which the answer carries too (recorded). */
  traceId: string;
  ids: ResponseIds;
}

const functionArn = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:[^:]+(:[^:]+)?$/;

function configurationFault(log: Logger, call: LambdaProxyCall, reason: string): GatewayError {
  log.warn(`execute-api ${call.ids.requestId}: Execution failed due to configuration error: ${reason}`);
  return gatewayErrors.integrationFailure();
}

/**
 * The invocation's answer, or 'timeout' once `milliseconds` pass first. The timer goes as soon as the answer comes:
 * left to run its 29 seconds, every call's timer (and its closure) lived on, tens of thousands of them under load.
 */
async function withinTimeout<T>(answer: Promise<T>, milliseconds: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), milliseconds);
    timer.unref();
  });
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Calls the function of an AWS_PROXY integration through the Lambda service, as API Gateway does: only with
 * integrationHttpMethod POST (Lambda's Invoke is a POST; AWS accepts another at PutIntegration and fails every
 * call, recorded) and when the function's resource policy lets apigateway.amazonaws.com invoke it for this
 * SourceArn (or the integration's role may), else 500; a throwing function or a malformed answer is 502; past the
 * integration timeout, 504.
 */
export async function invokeLambdaProxy(call: LambdaProxyCall): Promise<WireResponse | GatewayError> {
  const { runtime, lambda, integration } = call;
  const log = runtime.log;
  if (integration.httpMethod !== 'POST') {
    return configurationFault(
      log,
      call,
      `integration method ${integration.httpMethod} is not POST, which Lambda's Invoke needs`,
    );
  }
  const named = lambdaFunctionOfUri(integration.uri ?? '');
  if (named === undefined)
    return configurationFault(log, call, `integration URI ${integration.uri} names no Lambda function`);
  const target = withStageVariables(named, call.stageVariables);
  const [, region = call.region, accountId = call.accountId] = functionArn.exec(target) ?? [];
  if (!lambda) return configurationFault(log, call, 'no Lambda service is attached to this emulator');

  const permitted = integration.credentials
    ? roleMayInvoke(runtime, integration.credentials, target)
    : lambda.permitsInvoke(accountId, region, {
        functionName: target,
        principal: 'apigateway.amazonaws.com',
        sourceArn: call.sourceArn,
        sourceAccount: call.accountId,
      });
  if (!permitted)
    return configurationFault(
      log,
      call,
      `Invalid permissions on Lambda function ${target} for SourceArn ${call.sourceArn}`,
    );

  const invocation = lambda.invoke(accountId, region, {
    functionName: target,
    payload: Buffer.from(JSON.stringify(call.event)),
    payloadIsJson: true,
    invocationType: 'RequestResponse',
    triggeredBy: call.ids.requestId,
  });
  let result: Awaited<typeof invocation> | 'timeout';
  try {
    result = await withinTimeout(invocation, integration.timeoutInMillis);
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return configurationFault(log, call, `Lambda answered ${error.code}: ${error.message}`);
  }
  if (result === 'timeout') return gatewayErrors.endpointTimedOut();
  if (result.functionError) {
    log.warn(`execute-api ${call.ids.requestId}: Lambda function ${target} failed (${result.functionError})`);
    return gatewayErrors.badGateway();
  }
  const answer = parseProxyResponse(result.payload);
  if (!answer) {
    log.warn(
      `execute-api ${call.ids.requestId}: Execution failed due to configuration error: Malformed Lambda proxy response`,
    );
    return gatewayErrors.badGateway();
  }
  const names = [...Object.keys(answer.headers), ...Object.keys(answer.repeatedHeaders)].map((name) =>
    name.toLowerCase(),
  );
  // A base64 body is sent as bytes only when the client's first Accept type is a binary media type (developer
  // guide, "Binary media types for REST APIs"); otherwise as the base64 text (recorded). No Accept: text [unverified].
  const binary =
    answer.isBase64Encoded &&
    call.accept !== '' &&
    call.binaryMediaTypes.some((pattern) => mediaTypeMatches(call.accept, pattern));
  return {
    status: answer.status,
    headers: {
      ...(names.includes('content-type') ? {} : { 'Content-Type': 'application/json' }),
      ...answer.headers,
      ...idHeaders(call.ids),
      ...(names.includes('x-amzn-trace-id') ? {} : { 'X-Amzn-Trace-Id': call.traceId }),
    },
    repeatedHeaders: answer.repeatedHeaders,
    body: binary ? Buffer.from(answer.body, 'base64') : answer.body,
    omitEmulatorCors: true,
  };
}
