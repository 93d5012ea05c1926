import { randomSlice } from '../../../random-bytes.js';
import { InvalidRequestContentException, RequestTooLargeException } from '../errors.js';
import type { LambdaInvocation } from '../lambda-invoker.js';

/**
 * Lambda's payload limits: 6 MB for a synchronous invocation, 1 MB for an asynchronous one [unverified: raised from
 * 256 KB in 2025].
 */
const maxSyncPayloadBytes = 6 * 1024 * 1024;
const maxEventPayloadBytes = 1024 * 1024;

/** The event as JSON text: what Lambda accepts as a payload (an empty one is `{}`). */
export function readEvent(invocation: LambdaInvocation): string {
  const limit = invocation.invocationType === 'Event' ? maxEventPayloadBytes : maxSyncPayloadBytes;
  if (invocation.payload.byteLength > limit) throw new RequestTooLargeException(limit);
  const { payload } = invocation;
  // A view of the payload's bytes, not a copy of them.
  const text =
    payload.byteLength === 0 ? '{}' : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString();
  if (invocation.payloadIsJson) return text;
  try {
    JSON.parse(text);
  } catch (error) {
    // [unverified] Lambda quotes Jackson's parser message here; ours is JavaScript's.
    throw new InvalidRequestContentException(
      `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`,
    );
  }
  return text;
}

/** X-Amz-Client-Context: base64 JSON, given to the handler as `context.clientContext`. */
export function parseClientContext(header: string | undefined): unknown {
  if (header === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** An X-Ray trace header as Lambda sets `_X_AMZN_TRACE_ID` (not sampled: idpool has no X-Ray). */
export function traceHeader(nowMs: number): string {
  const epoch = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0');
  const random = randomSlice(20).toString('hex');
  return `Root=1-${epoch}-${random.slice(0, 24)};Parent=${random.slice(24)};Sampled=0`;
}
