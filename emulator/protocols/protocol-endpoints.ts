import type { Endpoint } from '../endpoint.js';
import { AwsError, InternalFailure, UnknownOperationException } from '../errors.js';
import type { Logger } from '../logger.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { AwsJsonProtocol } from './aws-json.js';
import { AwsQueryProtocol } from './aws-query.js';
import { RestJsonProtocol, type RestJsonMatch } from './rest-json.js';
import type { IncomingRequest, WireResponse } from './wire.js';

/** Anything thrown that is not an AwsError is idpool's own fault: logged with its stack, answered as InternalFailure. */
export function asAwsError(error: unknown, log: Logger, request: IncomingRequest): AwsError {
  if (error instanceof AwsError) return error;
  const storageFailure = storageError(error);
  if (storageFailure) {
    log.error(`request ${request.requestId} ${request.method} ${request.path}: ${storageFailure.message}`);
    return storageFailure;
  }
  log.error(`request ${request.requestId} ${request.method} ${request.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new InternalFailure();
}

/** SQLite's own refusals that a user can act on, said plainly: the transaction was rolled back, nothing is half-written. */
function storageError(error: unknown): AwsError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'SQLITE_FULL') {
    return new AwsError('ServiceUnavailable', 'idpool could not save this change: the disk holding its --data-dir is full. Nothing was written; free some space and retry.', 503, { fault: 'Receiver' });
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_IOERR' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR'))) {
    return new AwsError('ServiceUnavailable', `idpool could not save this change: its --data-dir cannot be written (${code}). Nothing was written.`, 503, { fault: 'Receiver' });
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
    claims: (request) => request.headers.has('x-amz-target'),
    serve: async (request) => {
      try {
        return await protocol.serve(request);
      } catch (error) {
        return AwsJsonProtocol.errorResponse(asAwsError(error, runtime.log, request), request.requestId);
      }
    },
  };
}

export function awsQueryEndpoint(runtime: EmulatorRuntime, services: ServiceDefinition[]): Endpoint {
  const queryServices = byProtocol(services, 'awsQuery');
  const protocol = new AwsQueryProtocol(runtime, queryServices);
  const stsNamespace = queryServices.find((service) => service.signingName === 'sts')?.model.metadata.xmlNamespace;
  return {
    name: 'awsQuery',
    claims: (request) => AwsQueryProtocol.accepts(request),
    serve: async (request) => {
      try {
        return await protocol.serve(request);
      } catch (error) {
        const authorization = request.headers.get('authorization')?.[0] ?? '';
        const namespace = /\/sts\/aws4_request/.test(authorization) || /AssumeRoleWith/.test(Buffer.from(request.body).toString('latin1')) ? stsNamespace : undefined;
        return AwsQueryProtocol.errorResponse(asAwsError(error, runtime.log, request), request.requestId, namespace);
      }
    },
  };
}

export function restJsonEndpoint(runtime: EmulatorRuntime, services: ServiceDefinition[]): Endpoint {
  const protocol = new RestJsonProtocol(runtime, byProtocol(services, 'restJson1'));
  const matches = new WeakMap<IncomingRequest, RestJsonMatch>();
  return {
    name: 'restJson1',
    claims: (request) => {
      const match = protocol.match(request);
      if (match) matches.set(request, match);
      return match !== undefined || protocol.knowsPath(request);
    },
    serve: async (request) => {
      const match = matches.get(request);
      try {
        if (!match) throw new UnknownOperationException(`No operation serves ${request.method} ${request.path}`);
        return await protocol.serve(request, match);
      } catch (error) {
        return RestJsonProtocol.errorResponse(asAwsError(error, runtime.log, request), request.requestId);
      }
    },
  };
}

/** What no endpoint claims: an AWS-shaped 404 naming what was asked. */
export function unknownRouteResponse(request: IncomingRequest): WireResponse {
  const error = new UnknownOperationException(`idpool serves no operation at ${request.method} ${request.path}`);
  return RestJsonProtocol.errorResponse(error, request.requestId);
}
