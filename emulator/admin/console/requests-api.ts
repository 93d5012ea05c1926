import type { ResponseStream, WireResponse } from '../../protocols/wire.js';
import { parseRequestLogFilter, type RequestLogFilter, type StoredRequest } from '../../request-log.js';
import type { EmulatorRuntime } from '../../runtime.js';
import { badRequest, consoleHeaders, iso, limitOf, notFound } from './console-http.js';
import { explanationOf } from './explanations.js';

/** A request as the console lists it. */
export function requestSummary(entry: StoredRequest): object {
  return {
    seq: entry.seq,
    time: iso(entry.time),
    requestId: entry.requestId,
    method: entry.method,
    path: entry.path,
    service: entry.service,
    operation: entry.operation,
    callerArn: entry.caller?.arn,
    identityId: entry.caller?.identityId,
    status: entry.status,
    decision: entry.decision,
    errorCode: entry.errorCode,
    durationMs: entry.durationMs,
  };
}

/** `caller`, `decision`, `service`, `status`, `since` as `GET /_idpool/requests` reads them; `limit`; `after`. */
function filterOf(runtime: EmulatorRuntime, query: URLSearchParams): RequestLogFilter {
  const known = new URLSearchParams();
  for (const name of ['caller', 'decision', 'service', 'status', 'since']) {
    const value = query.get(name);
    if (value !== null) known.set(name, value);
  }
  let filter: RequestLogFilter;
  try {
    filter = parseRequestLogFilter(known, runtime.requests.capacity);
  } catch (error) {
    if (error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
  filter.limit = limitOf(query);
  const after = query.get('after');
  if (after !== null && after !== '') {
    if (!/^\d{1,15}$/.test(after)) throw badRequest(`after must be a request's seq, got '${after.slice(0, 50)}'`);
    filter.afterSeq = Number(after);
  }
  return filter;
}

/** `GET api/requests`: newest first. */
export function listRequests(runtime: EmulatorRuntime, query: URLSearchParams): object {
  return { requests: runtime.requests.entries(filterOf(runtime, query)).map(requestSummary) };
}

/** `GET api/requests/:requestId`: the request with what the emulator learnt of it, and why it failed. */
export function describeRequest(runtime: EmulatorRuntime, requestId: string): object {
  const [entry] = runtime.requests.entries({ requestId, limit: 1 });
  if (!entry) throw notFound(`The request log holds no request ${requestId}`);
  const caller = entry.caller && {
    kind: entry.caller.kind,
    arn: entry.caller.arn,
    roleName: entry.caller.roleName,
    roleId: entry.caller.roleId,
    sessionName: entry.caller.sessionName,
    identityId: entry.caller.identityId,
    identityPoolId: entry.caller.identityPoolId,
  };
  return {
    ...requestSummary(entry),
    sourceIp: entry.sourceIp,
    userAgent: entry.userAgent,
    region: entry.region,
    actions: entry.actions,
    resource: entry.resource,
    decidedBy: entry.decidedBy,
    caller,
    explanation: explanationOf(runtime, entry),
  };
}

const keepAliveMs = 15_000;
/** A client this far behind is dropped rather than buffered for (a slow reader never grows the server's memory). */
const maxBacklogBytes = 1024 * 1024;

/**
 * `GET api/requests/stream`: each new request-log entry as a server-sent event `request`, a comment every 15 s so
 * proxies keep the connection; ends when the client goes, falls too far behind, or the server stops.
 */
export function streamRequests(runtime: EmulatorRuntime): WireResponse {
  const headers = {
    ...consoleHeaders,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'close',
  };
  return {
    status: 200,
    headers,
    body: '',
    stream: (out: ResponseStream) => {
      let unsubscribe = (): void => {};
      const end = (): void => {
        clearInterval(keepAlive);
        unsubscribe();
        out.end();
      };
      const send = (text: string): void => {
        if (out.pending > maxBacklogBytes) end();
        else out.write(text);
      };
      const keepAlive = setInterval(() => send(': keep-alive\n\n'), keepAliveMs);
      keepAlive.unref();
      unsubscribe = runtime.requests.subscribe(
        (entry) => send(`event: request\ndata: ${JSON.stringify(requestSummary(entry))}\n\n`),
        end,
      );
      out.onClose(end);
      out.write(': connected\n\n');
    },
  };
}
