import { authenticate } from '../auth/authenticate.js';
import { ClockRangeError } from '../clock.js';
import type { Endpoint } from '../endpoint.js';
import { isAwsError } from '../errors.js';
import { parseJsonBody } from '../protocols/body-checks.js';
import { contentTypeOf, jsonResponse, type IncomingRequest, type WireResponse } from '../protocols/wire.js';
import { requestOrigins } from '../request-guards.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { exportState, importState, StateImportError } from '../store/state-transfer.js';
import { isConsolePath } from './console/console-path.js';
import { serveRequestLog } from './request-log-route.js';

const adminPrefix = '/_idpool/';

/** The signing name an admin request's SigV4 credential scope names under `--strict-auth`. */
const adminSigningName = 'idpool';

/**
 * `/_idpool/*`: health (`GET health`), reset (`POST reset`: empty all state) and the movable clock
 * (`GET clock`; `POST clock` with `{"advanceSeconds": N}` or `{"offsetSeconds": N}`), and the whole state as JSON
 * (`GET state`, `?secrets=true` to include signing keys and issued credentials; `POST state` to replace it), and the
 * request log (`GET requests`, request-log-route.ts).
 *
 * A browser cannot use them to get in: request bodies must be `application/json` (so a cross-site write needs a
 * preflight, which the server refuses for foreign origins), the secrets and the import are refused to any request
 * that comes from a web page at all, and with `--strict-auth` every route but health needs a SigV4 signature by the
 * root keys (credential scope service `idpool`).
 */
export function adminEndpoint(runtime: EmulatorRuntime, services: ServiceDefinition[]): Endpoint {
  return {
    name: 'admin',
    claims: (request) => runtime.config.adminRoutes && request.path.startsWith(adminPrefix),
    serve: async (request) => serveAdmin(runtime, services, request),
  };
}

/** Admin refusals carry `x-amzn-ErrorType` like every other error the emulator answers. */
function adminError(status: number, code: string, message: string): WireResponse {
  return jsonResponse(status, { message }, { 'x-amzn-errortype': code });
}

function badRequest(message: string): WireResponse {
  return adminError(400, 'BadRequestException', message);
}

/** A service's protocol, and its operation count once its operations are loaded. */
function serviceHealth(service: ServiceDefinition): object {
  const loaded = service.load === undefined;
  return loaded
    ? { protocol: service.protocol, loaded, operations: Object.keys(service.operations).length }
    : { protocol: service.protocol, loaded };
}

function clockState(runtime: EmulatorRuntime): object {
  return { now: runtime.clock.now().toISOString(), offsetSeconds: runtime.clock.offsetSeconds };
}

async function serveAdmin(
  runtime: EmulatorRuntime,
  services: ServiceDefinition[],
  request: IncomingRequest,
): Promise<WireResponse> {
  const route = `${request.method} ${request.path.slice(adminPrefix.length)}`;
  const refusal = route === 'GET health' ? undefined : await refusalOf(runtime, request, route);
  if (refusal) return refusal;
  // The console's code loads on its first page: an emulator that never shows it never loads it.
  if (isConsolePath(request.path)) return (await import('./console/console-route.js')).serveConsole(runtime, request);
  switch (route) {
    case 'GET health':
      // Answered at once, as a liveness probe must be: a service's operations load on its first call, and loading
      // them all here took seconds on a busy machine (an endpoint target's probe gave up on it).
      return jsonResponse(200, {
        status: 'ok',
        region: runtime.config.region,
        accountId: runtime.config.accountId,
        persistent: runtime.config.dataDir !== undefined,
        services: Object.fromEntries(services.map((service) => [service.name, serviceHealth(service)])),
      });
    case 'POST reset':
      runtime.reset();
      return jsonResponse(200, { status: 'reset' });
    case 'GET clock':
      return jsonResponse(200, clockState(runtime));
    case 'POST clock':
      return moveClock(runtime, request);
    case 'GET state':
      return jsonResponse(200, exported(runtime, request));
    case 'POST state': {
      const state = parseBody(request);
      if (state instanceof Error) return badRequest(`The state to import is not readable JSON: ${state.message}`);
      try {
        const imported = importState(runtime.db, state);
        await runtime.tokens.reload();
        return jsonResponse(200, { status: 'imported', ...imported });
      } catch (error) {
        if (error instanceof StateImportError) return adminError(400, 'BadRequestException', error.message);
        throw error;
      }
    }
    case 'GET requests':
    case 'DELETE requests':
      return serveRequestLog(runtime, request);
    default:
      return adminError(
        404,
        'NotFoundException',
        `No admin route ${route}. Routes: GET health, POST reset, GET clock, POST clock, GET state, POST state, ` +
          'GET requests, DELETE requests, GET console.',
      );
  }
}

function exported(runtime: EmulatorRuntime, request: IncomingRequest): object {
  return exportState(runtime.db, { includeSecrets: wantsSecrets(request), now: runtime.clock.now() });
}

function wantsSecrets(request: IncomingRequest): boolean {
  return new URLSearchParams(request.query).get('secrets') === 'true';
}

/** Why a request may not use this route, before anything runs: body type, web pages, strict-auth signature. */
async function refusalOf(
  runtime: EmulatorRuntime,
  request: IncomingRequest,
  route: string,
): Promise<WireResponse | undefined> {
  const contentType = contentTypeOf(request);
  if ((request.body.byteLength > 0 || contentType !== '') && contentType !== 'application/json') {
    const given = contentType || 'no content type';
    const message = `Admin routes take application/json bodies, not '${given}'.`;
    return adminError(415, 'UnsupportedMediaTypeException', message);
  }
  const secret = route === 'POST state' || (route === 'GET state' && wantsSecrets(request));
  const origins = requestOrigins(request);
  if (secret && origins.length > 0) {
    return adminError(
      403,
      'AccessDeniedException',
      `${route === 'POST state' ? 'Importing a state' : 'Exporting secrets'} is refused to web pages ` +
        `(this request comes from '${origins[0]?.slice(0, 200)}'): ` +
        'use `idpool state export|import --endpoint URL`, or a client that sends no Origin or Referer.',
    );
  }
  if (!runtime.config.strictAuth) return undefined;
  try {
    const { caller } = await authenticate(runtime, request, { service: adminSigningName, strict: true });
    if (caller.kind !== 'root') {
      const message = 'With --strict-auth, admin routes need a signature by the root keys, not temporary credentials.';
      return adminError(403, 'AccessDeniedException', message);
    }
  } catch (error) {
    if (!isAwsError(error)) throw error;
    const hint =
      error.code === 'MissingAuthenticationTokenException'
        ? ` With --strict-auth, admin routes need a SigV4 signature by the root keys (service '${adminSigningName}').`
        : '';
    return adminError(error.statusOn('restJson1'), error.codeOn('restJson1'), `${error.message}${hint}`);
  }
  return undefined;
}

function moveClock(runtime: EmulatorRuntime, request: IncomingRequest): WireResponse {
  const body = parseBody(request);
  const isRecord = body !== null && typeof body === 'object' && !Array.isArray(body);
  const record = isRecord ? (body as Record<string, unknown>) : {};
  const { advanceSeconds, offsetSeconds } = record;
  try {
    if (typeof advanceSeconds === 'number' && Number.isFinite(advanceSeconds)) runtime.clock.advance(advanceSeconds);
    else if (typeof offsetSeconds === 'number' && Number.isFinite(offsetSeconds)) {
      runtime.clock.setOffset(offsetSeconds);
    } else return badRequest('Send {"advanceSeconds": N} or {"offsetSeconds": N}.');
  } catch (error) {
    if (error instanceof ClockRangeError) return badRequest(`${error.message}.`);
    throw error;
  }
  return jsonResponse(200, clockState(runtime));
}

/** The JSON body, or the Error saying why it is not readable (invalid UTF-8, too deeply nested, not JSON). */
function parseBody(request: IncomingRequest): unknown {
  try {
    return parseJsonBody(request.body);
  } catch (error) {
    if (isAwsError(error)) return new Error(error.message);
    throw error;
  }
}
