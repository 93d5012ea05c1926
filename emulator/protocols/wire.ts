import type { ReceivedRequest } from '../auth/sigv4.js';
import type { RequestContext } from '../request-context.js';

/** A response before it is written to the socket. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
  /** Headers sent once per value (execute-api passes a Lambda's multi-value headers such as Set-Cookie). */
  repeatedHeaders?: Record<string, string[]>;
  /** execute-api answers with the API's own headers only, without the emulator-wide CORS headers. */
  omitEmulatorCors?: boolean;
  /** A response written over time (server-sent events): the head is sent, then `stream` writes the body. */
  stream?: (out: ResponseStream) => void;
}

/** Where a streamed response writes; `closed` is called once when the client goes or the server stops. */
export interface ResponseStream {
  write(chunk: string): void;
  /** Bytes written but not yet taken by the client (a slow reader's backlog). */
  readonly pending: number;
  end(): void;
  onClose(listener: () => void): void;
}

/** A received request plus what the server learnt about it on arrival. */
export interface IncomingRequest extends ReceivedRequest {
  requestId: string;
  sourceIp: string;
  /** The emulator clock when the request arrived. */
  receivedAt: Date;
  /** The header lines as received, name and value alternating, names in the client's case (Node's rawHeaders). */
  rawHeaders?: string[];
  /** Filled in as the request is understood; errors are written from it. */
  context: RequestContext;
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): WireResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: JSON.stringify(body) };
}

export function contentTypeOf(request: ReceivedRequest): string {
  const value = request.headers.get('content-type')?.[0];
  if (value === undefined) return '';
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}
