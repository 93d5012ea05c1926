import type { FunctionKey } from '../../store/lambda-store.js';

/**
 * What other services (API Gateway's AWS_PROXY integration) need of Lambda: invoke a function, and ask whether its
 * resource policy lets a service principal invoke it. The Lambda service implements it (`runtime.lambda`).
 */
export interface LambdaInvocation {
  /** A function name, partial ARN or full ARN (as in an integration URI), optionally with a `:qualifier`. */
  functionName: string;
  payload: Uint8Array;
  /** The payload is JSON the emulator itself wrote (API Gateway's proxy event): not parsed again to check it. */
  payloadIsJson?: boolean;
  invocationType: 'RequestResponse' | 'Event';
  /** The Qualifier parameter (a version number or `$LATEST`), when not part of `functionName`. */
  qualifier?: string;
  /** `Tail`: return the last 4 KB of the invocation's log in `logResult`. */
  logType?: 'None' | 'Tail';
  /** The invocation's id (the handler's `context.awsRequestId`); a new one when absent. */
  requestId?: string;
  /** X-Amz-Client-Context: base64-encoded JSON, given to the handler as `context.clientContext`. */
  clientContext?: string;
  /** The request that asked for it (an execute-api request), when not the Invoke call `requestId` names. */
  triggeredBy?: string;
}

export interface LambdaInvocationResult {
  /** 200 for RequestResponse, 202 for Event. */
  statusCode: number;
  payload: Uint8Array;
  /** Set when the handler failed: `Unhandled` (threw, timed out, crashed). */
  functionError?: 'Unhandled' | 'Handled';
  executedVersion: string;
  /** Base64 of the last 4 KB of the invocation's log, when `logType` was `Tail`. */
  logResult?: string;
  /** The invocation's id. */
  requestId?: string;
}

export interface InvokePermissionRequest {
  functionName: string;
  /** e.g. `apigateway.amazonaws.com` */
  principal: string;
  /** e.g. `arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/hello` */
  sourceArn?: string;
  sourceAccount?: string;
}

export interface LambdaInvoker {
  /** Throws the Lambda service's AwsErrors (ResourceNotFoundException, TooManyRequestsException, …). */
  invoke(accountId: string, region: string, invocation: LambdaInvocation): Promise<LambdaInvocationResult>;
  /** Whether the function's resource policy allows `lambda:InvokeFunction` for this principal and source. */
  permitsInvoke(accountId: string, region: string, request: InvokePermissionRequest): boolean;
}

/** What Lambda's own operations need of the runtime: invoking, and dropping the workers of a function changed. */
export interface LambdaWorkers extends LambdaInvoker {
  functionChanged(key: FunctionKey): void;
}
