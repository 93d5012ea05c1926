import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { adminEndpoint } from './admin/admin-endpoint.js';
import { openIdEndpoint } from './auth/openid-endpoint.js';
import { Clock } from './clock.js';
import { resolveConfig, type EmulatorOptions } from './config.js';
import type { Endpoint } from './endpoint.js';
import { RequestEntityTooLargeException } from './errors.js';
import { Logger, redactUrl } from './logger.js';
import {
  awsJsonEndpoint,
  awsQueryEndpoint,
  restJsonEndpoint,
  unknownRouteResponse,
} from './protocols/protocol-endpoints.js';
import { errorResponse } from './protocols/error-response.js';
import { corsHeaders, hostRefusal, originRefusal, preflightResponse } from './request-guards.js';
import type { AwsError } from './errors.js';
import { executeApiEndpoint } from './services/apigateway/execute-api/execute-api-entry.js';
import type { IncomingRequest, WireResponse } from './protocols/wire.js';
import { newRequestContext } from './request-context.js';
import { EmulatorRuntime } from './runtime.js';
import { services } from './services/index.js';
import { lambdaCodeEndpoint } from './services/lambda/code-location.js';

export interface RunningEmulator {
  /** `http://<host>:<port>`, the endpoint every SDK client takes. */
  url: string;
  host: string;
  port: number;
  region: string;
  accountId: string;
  /** @internal The emulator's state and services, for tests that look inside (not in the shipped types). */
  runtime: EmulatorRuntime;
  /** Stops accepting connections, lets requests in flight finish, then closes the state. */
  stop(): Promise<void>;
}

function createEndpoints(runtime: EmulatorRuntime): Endpoint[] {
  return [
    lambdaCodeEndpoint(runtime),
    adminEndpoint(runtime, services),
    openIdEndpoint(runtime),
    executeApiEndpoint(runtime, { lambda: () => runtime.lambda }),
    awsJsonEndpoint(runtime, services),
    awsQueryEndpoint(runtime, services),
    restJsonEndpoint(runtime, services),
  ];
}

/** Starts the emulator: one HTTP server for every service. Port 0 (the default) picks a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveConfig(options);
  const log = new Logger(config.logLevel, options.logSink);
  const runtime = new EmulatorRuntime(config, new Clock(), log);
  const endpoints = createEndpoints(runtime);
  runtime.tokens.readySoon(100, (error: unknown) => {
    log.error(`token signing keys could not be loaded: ${String(error)}`);
  });
  const server = createServer({ keepAlive: true, requestTimeout: 120_000 }, (req, res) => {
    // Once stopping, a keep-alive client's next request gets its answer and the connection closes after it.
    if (!server.listening) res.setHeader('connection', 'close');
    runtime.inFlight.count++;
    res.once('close', () => runtime.inFlight.count--);
    handle(runtime, endpoints, req, res).catch((error: unknown) => {
      if (error instanceof ClientGone) {
        log.debug(`client went away before its request was read: ${req.method} ${redactUrl(req.url ?? '/')}`);
        return;
      }
      log.error(`response failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => answerUnparsableRequest(error, socket));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = config.host.includes(':')
    ? `[${config.host}]`
    : config.host === '0.0.0.0'
      ? '127.0.0.1'
      : config.host;
  runtime.url = `http://${urlHost}:${port}`;
  return {
    url: runtime.url,
    host: config.host,
    port,
    region: config.region,
    accountId: config.accountId,
    runtime,
    stop: () => stopServer(server, runtime),
  };
}

/**
 * A request Node's HTTP parser refused (bad framing, header overflow): an AWS-shaped 400, then the connection
 * closes.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    message: tooLarge ? 'Request headers are too large.' : 'The request could not be parsed as HTTP/1.1.',
  });
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const errorType = tooLarge ? 'RequestHeaderFieldsTooLarge' : 'MalformedHttpRequestException';
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\nx-amzn-errortype: ${errorType}\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

async function stopServer(server: Server, runtime: EmulatorRuntime): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  runtime.requests.endSubscriptions();
  server.closeIdleConnections();
  // A connection busy now is closed as soon as its request is answered (a client polling on one keep-alive
  // connection would otherwise hold the server open until the forced close).
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await closed;
  clearInterval(idle);
  clearTimeout(forced);
  await runtime.close();
}

async function handle(
  runtime: EmulatorRuntime,
  endpoints: Endpoint[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const requestId = randomUUID();
  const receivedAt = runtime.clock.now();
  const url = req.url ?? '/';
  const queryStart = url.indexOf('?');
  const headers = new Map<string, string[]>();
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = (req.rawHeaders[index] as string).toLowerCase();
    const values = headers.get(name);
    if (values) values.push(req.rawHeaders[index + 1] as string);
    else headers.set(name, [req.rawHeaders[index + 1] as string]);
  }
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const context = newRequestContext(
    { requestId, receivedAt, sourceIp, userAgent: headers.get('user-agent')?.[0] ?? '' },
    runtime.config,
  );
  const request: IncomingRequest = {
    method: req.method ?? 'GET',
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    query: queryStart === -1 ? '' : url.slice(queryStart + 1),
    headers,
    requestId,
    sourceIp,
    receivedAt,
    rawHeaders: req.rawHeaders,
    body: emptyBody,
    context,
  };
  // Endpoints claim from the method, path and headers, so even a request refused before its body is read is answered
  // in the protocol (and for awsQuery the service) that would have answered it.
  const endpoint = endpoints.find((candidate) => candidate.claims(request));
  context.protocol = endpoint?.protocol;
  // execute-api answers with the API's own CORS configuration (its OPTIONS methods, its Lambda's headers).
  const ownCors = endpoint?.name === 'execute-api';
  const refusal =
    hostRefusal(runtime.config, request) ?? (ownCors ? undefined : originRefusal(runtime.config, request));
  const body = refusal ? undefined : await readBody(req, runtime.config.maxBodyBytes);
  let response: WireResponse;
  let cors: Record<string, string> = {};
  if (refusal) {
    response = errorResponse(refusal, context);
    response.headers.connection = 'close';
    noteRefusal(runtime, request, refusal);
  } else if (body === undefined) {
    response = errorResponse(new RequestEntityTooLargeException(runtime.config.maxBodyBytes), context);
    response.headers.connection = 'close';
  } else if (!ownCors && request.method === 'OPTIONS') {
    response = preflightResponse(request);
    cors = corsHeaders(request);
  } else {
    request.body = body;
    response = endpoint ? await endpoint.serve(request) : unknownRouteResponse(request);
    if (!ownCors && !response.omitEmulatorCors) cors = corsHeaders(request);
  }
  write(res, response, cors, request.method === 'HEAD');
  if (endpoint?.name !== 'admin') runtime.requests.record(request, response, performance.now() - started);
  if (runtime.log.enabled('debug')) {
    runtime.log.debug(
      `${request.method} ${request.path} ${response.status} ${(performance.now() - started).toFixed(1)}ms ${requestId}`,
    );
  }
  if (body === undefined) res.on('finish', () => req.destroy());
}

/** A refusal before routing, in the shape of the protocol the request speaks. */
const notedRefusals = new WeakMap<EmulatorRuntime, Set<string>>();

/** The browser shows only a CORS failure, so the emulator's log says why, once per origin or host. */
function noteRefusal(runtime: EmulatorRuntime, request: IncomingRequest, error: AwsError): void {
  let noted = notedRefusals.get(runtime);
  if (!noted) notedRefusals.set(runtime, (noted = new Set()));
  const from = request.headers.get('origin')?.[0] ?? request.headers.get('referer')?.[0] ?? '';
  const key = `${request.headers.get('host')?.[0] ?? ''} ${from}`;
  if (noted.has(key) || noted.size >= 100) return;
  noted.add(key);
  runtime.log.warn(error.message);
}

/** The status line, headers and body in one write: Node joins the head to a string body (a Buffer goes by writev). */
function write(res: ServerResponse, response: WireResponse, cors: Record<string, string>, headOnly: boolean): void {
  if (response.stream && !headOnly) {
    writeStream(res, response, cors);
    return;
  }
  const { body } = response;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  const headers: Record<string, string | string[]> = { ...cors, ...response.headers, ...response.repeatedHeaders };
  headers['content-length'] = String(length);
  res.writeHead(response.status, headers);
  if (headOnly) res.end();
  else res.end(body);
}

/** A streamed response: no length, the body as the endpoint writes it; a client that goes ends it. */
function writeStream(res: ServerResponse, response: WireResponse, cors: Record<string, string>): void {
  res.writeHead(response.status, { ...cors, ...response.headers });
  res.flushHeaders();
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const listener of listeners) listener();
  };
  res.on('close', close);
  response.stream?.({
    write: (chunk) => {
      if (!closed) res.write(chunk);
    },
    get pending() {
      return res.writableLength;
    },
    end: () => {
      if (!closed) res.end();
      close();
    },
    onClose: (listener) => {
      if (closed) listener();
      else listeners.push(listener);
    },
  });
}

const emptyBody = new Uint8Array();

/** The client closed the connection before its request was read: there is nobody to answer. */
class ClientGone extends Error {}

/** The whole body, or undefined once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.on('error', () => reject(new ClientGone()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}
