import type { Endpoint } from '../endpoint.js';
import { AwsError, InternalFailure, UnknownOperationException } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { AwsJsonProtocol } from './aws-json.js';
import { AwsQueryProtocol } from './aws-query.js';
import { errorResponse } from './error-response.js';
import { RestJsonProtocol, type RestJsonMatch } from './rest-json.js';
import type { IncomingRequest, WireResponse } from './wire.js';

/**
 * Anything thrown that is not an AwsError is idpool's own fault: logged with its stack, answered as
 * InternalFailure.
 */
function asAwsError(error: unknown, log: Logger, request: IncomingRequest): AwsError {
  if (error instanceof AwsError) return error;
  const storageFailure = storageError(error);
  if (storageFailure) {
    log.error(`request ${request.requestId} ${request.method} ${request.path}: ${storageFailure.message}`);
    return storageFailure;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log.error(`request ${request.requestId} ${request.method} ${request.path} failed: ${detail}`);
  return new InternalFailure();
}

/**
 * SQLite's own refusals that a user can act on, said plainly: the transaction was rolled back, nothing is
 * half-written.
 */
function storageError(error: unknown): AwsError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'SQLITE_FULL') {
    return new AwsError(
      'ServiceUnavailable',
      'idpool could not save this change: the disk holding its --data-dir is full. ' +
        'Nothing was written; free some space and retry.',
      503,
      { fault: 'Receiver' },
    );
  }
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_IOERR' ||
    (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))
  ) {
    return new AwsError(
      'ServiceUnavailable',
      `idpool could not save this change: its --data-dir cannot be written (${code}). Nothing was written.`,
      503,
      { fault: 'Receiver' },
    );
  }
  return undefined;
}

function byProtocol(services: ServiceDefinition[], protocol: ServiceDefinition['protocol']): ServiceDefinition[] {
  return services.filter((service) => service.protocol === protocol);
}

export function awsJsonEndpoint(runtime: EmulatorRuntime, services: ServiceDefinition[]): Endpoint {
  const protocol = new AwsJsonProtocol(runtime, byProtocol(services, 'awsJson1_1'));
  return {
    name: 'awsJson1_1',
    protocol: 'awsJson1_1',
    claims: (request) => request.headers.has('x-amz-target'),
    serve: (request) => answer(runtime, request, () => protocol.serve(request)),
  };
}

export function awsQueryEndpoint(runtime: EmulatorRuntime, services: ServiceDefinition[]): Endpoint {
  const protocol = new AwsQueryProtocol(runtime, byProtocol(services, 'awsQuery'));
  return {
    name: 'awsQuery',
    protocol: 'awsQuery',
    claims: (request) => {
      if (!AwsQueryProtocol.accepts(request)) return false;
      protocol.identifyService(request);
      return true;
    },
    serve: (request) => answer(runtime, request, () => protocol.serve(request)),
  };
}

export function restJsonEndpoint(runtime: EmulatorRuntime, services: ServiceDefinition[]): Endpoint {
  const protocol = new RestJsonProtocol(runtime, byProtocol(services, 'restJson1'));
  const matches = new WeakMap<IncomingRequest, RestJsonMatch>();
  return {
    name: 'restJson1',
    protocol: 'restJson1',
    claims: (request) => {
      const match = protocol.match(request);
      if (match) matches.set(request, match);
      return match !== undefined || protocol.knowsPath(request);
    },
    serve: (request) =>
      answer(runtime, request, () => {
        const match = matches.get(request);
        if (!match) throw new UnknownOperationException(`No operation serves ${request.method} ${request.path}`);
        return protocol.serve(request, match);
      }),
  };
}

async function answer(
  runtime: EmulatorRuntime,
  request: IncomingRequest,
  serve: () => Promise<WireResponse>,
): Promise<WireResponse> {
  try {
    return await serve();
  } catch (error) {
    return errorResponse(asAwsError(error, runtime.log, request), request.context);
  }
}

/** What no endpoint claims: an AWS-shaped 404 naming what was asked. */
export function unknownRouteResponse(request: IncomingRequest): WireResponse {
  const error = new UnknownOperationException(`idpool serves no operation at ${request.method} ${request.path}`);
  return errorResponse(error, request.context);
}
