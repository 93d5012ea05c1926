/**
 * The error payloads Lambda's service (not the function) writes when an execution environment fails, as the
 * Invoke response body with `X-Amz-Function-Error: Unhandled`.
 */
export interface ErrorPayload {
  errorType: string;
  errorMessage: string;
  trace?: string[];
}

/**
 * [unverified] Since 2023 Lambda answers a timeout with `Sandbox.Timedout` and this message; before, the payload was
 * `{"errorMessage":"<ISO time> <request id> Task timed out after 3.00 seconds"}` (many public captures).
 */
export function timeoutPayload(requestId: string, timeoutSeconds: number): ErrorPayload {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
  };
}

/** The log line Lambda writes when it stops a function at its timeout. */
export function timeoutLogLine(requestId: string, timeoutSeconds: number, at: Date): string {
  return `${at.toISOString()} ${requestId} Task timed out after ${timeoutSeconds.toFixed(2)} seconds`;
}

/** How Go (Lambda's runtime manager) names the signals that end a process. */
const signalNames: Record<string, string> = {
  SIGKILL: 'killed',
  SIGABRT: 'aborted',
  SIGSEGV: 'segmentation fault',
  SIGTERM: 'terminated',
  SIGINT: 'interrupt',
  SIGBUS: 'bus error',
  SIGILL: 'illegal instruction',
  SIGFPE: 'floating point exception',
};

export function exitDescription(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `signal: ${signalNames[signal] ?? signal}`;
  return `exit status ${code ?? 0}`;
}

/** The runtime process ended during an invocation: `process.exit(3)`, a crash. */
export function exitPayload(requestId: string, description: string): ErrorPayload {
  return {
    errorType: 'Runtime.ExitError',
    errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${description}`,
  };
}

/** [unverified] V8 ran out of heap (idpool bounds the heap by MemorySize); Lambda's own OOM is a cgroup kill. */
export function outOfMemoryPayload(requestId: string, description: string): ErrorPayload {
  return {
    errorType: 'Runtime.OutOfMemory',
    errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${description}`,
  };
}

export function isOutOfMemoryOutput(output: string): boolean {
  return output.includes('JavaScript heap out of memory') || output.includes('Reached heap limit');
}

/** Lambda's limit on a synchronous response, the figure its error message names. */
export const maxResponseBytes = 6_291_556;

/**
 * Recorded from AWS: localstack tests/aws/services/lambda_/test_lambda.snapshot.json,
 * TestLambdaBaseFeatures::test_lambda_too_large_response (a 7 MB response).
 */
export function responseTooLargePayload(): ErrorPayload {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
  };
}
