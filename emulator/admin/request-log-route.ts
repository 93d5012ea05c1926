import { jsonResponse, type IncomingRequest, type WireResponse } from '../protocols/wire.js';
import { parseRequestLogFilter, presentEntry, type RequestLogFilter } from '../request-log.js';
import type { EmulatorRuntime } from '../runtime.js';

/**
 * `GET /_idpool/requests`: the request log, newest first, filtered by `caller` (ARN or a part of it), `role` (name or
 * id), `decision` (allow, implicit-deny, explicit-deny, root, unsigned, or denied for both denials; comma-separated),
 * `service`, `status` (403 or 4xx), `since` (ISO time or epoch ms), `requestId` and `limit` (100 unless given).
 * `DELETE /_idpool/requests` empties it.
 */
export function serveRequestLog(runtime: EmulatorRuntime, request: IncomingRequest): WireResponse {
  const log = runtime.requests;
  if (request.method === 'DELETE') {
    log.clear();
    return jsonResponse(200, { status: 'cleared' });
  }
  let filter: RequestLogFilter;
  try {
    filter = parseRequestLogFilter(new URLSearchParams(request.query), log.capacity);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return jsonResponse(400, { message: error.message }, { 'x-amzn-errortype': 'BadRequestException' });
  }
  const entries = log.entries(filter).map(presentEntry);
  return jsonResponse(200, { capacity: log.capacity, held: log.length, entries });
}
