import type { Endpoint } from '../endpoint.js';
import { jsonResponse, type IncomingRequest, type WireResponse } from '../protocols/wire.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { exportState, importState, StateImportError } from '../store/state-transfer.js';
import { serveRequestLog } from './request-log-route.js';

export const adminPrefix = '/_idpool/';

/**
 * `/_idpool/*`: health (`GET health`), reset (`POST reset`: empty all state) and the movable clock
 * (`GET clock`; `POST clock` with `{"advanceSeconds": N}` or `{"offsetSeconds": N}`), and the whole state as JSON
 * (`GET state`, `?secrets=true` to include signing keys and issued credentials; `POST state` to replace it), and the
 * request log (`GET requests`, request-log-route.ts).
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

function clockState(runtime: EmulatorRuntime): object {
  return { now: runtime.clock.now().toISOString(), offsetSeconds: runtime.clock.offsetSeconds };
}

async function serveAdmin(runtime: EmulatorRuntime, services: ServiceDefinition[], request: IncomingRequest): Promise<WireResponse> {
  const route = `${request.method} ${request.path.slice(adminPrefix.length)}`;
  switch (route) {
    case 'GET health':
      return jsonResponse(200, {
        status: 'ok',
        region: runtime.config.region,
        accountId: runtime.config.accountId,
        persistent: runtime.config.dataDir !== undefined,
        services: Object.fromEntries(services.map((service) => [service.name, { protocol: service.protocol, operations: Object.keys(service.operations).length }])),
      });
    case 'POST reset':
      runtime.reset();
      return jsonResponse(200, { status: 'reset' });
    case 'GET clock':
      return jsonResponse(200, clockState(runtime));
    case 'POST clock': {
      const body = parseBody(request);
      if (typeof body?.advanceSeconds === 'number' && Number.isFinite(body.advanceSeconds)) runtime.clock.advance(body.advanceSeconds);
      else if (typeof body?.offsetSeconds === 'number' && Number.isFinite(body.offsetSeconds)) runtime.clock.setOffset(body.offsetSeconds);
      else return adminError(400, 'BadRequestException', 'Send {"advanceSeconds": N} or {"offsetSeconds": N}.');
      return jsonResponse(200, clockState(runtime));
    }
    case 'GET state':
      return jsonResponse(200, exportState(runtime.db, { includeSecrets: new URLSearchParams(request.query).get('secrets') === 'true', now: runtime.clock.now() }));
    case 'POST state': {
      const state = parseBody(request);
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
      return adminError(404, 'NotFoundException', `No admin route ${route}. Routes: GET health, POST reset, GET clock, POST clock, GET state, POST state, GET requests, DELETE requests.`);
  }
}

function parseBody(request: IncomingRequest): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(request.body).toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
