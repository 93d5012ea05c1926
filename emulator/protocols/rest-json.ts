import { type AwsError, SerializationException } from '../errors.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { parseJsonObject } from './aws-json.js';
import { invokeOperation } from './invoke-operation.js';
import { readJson, writeJson } from './json-shapes.js';
import {
  shapeOf,
  type OperationModel,
  type ServiceModel,
  type Shape,
  type ShapeRef,
  type StructureShape,
} from './service-model.js';
import type { IncomingRequest, WireResponse } from './wire.js';

interface Route {
  service: ServiceDefinition;
  operation: OperationModel;
  method: string;
  /** Literal path segments as strings, labels as `{name}` / greedy `{name+}`. */
  segments: string[];
  requiredQuery: [string, string][];
  specificity: number;
}

export interface RestJsonMatch {
  route: Route;
  labels: Record<string, string>;
}

/**
 * restJson1 (Lambda, API Gateway control plane): operations found by method and path template from the model's
 * `http` traits; input members from the path, query string, headers and the JSON body (or a raw payload); outputs
 * written back the same way. Errors: the status, `x-amzn-ErrorType: <Code>` and `{"message": "…"}`.
 */
export class RestJsonProtocol {
  private compiledRoutes: Route[] | undefined;

  constructor(
    private readonly runtime: EmulatorRuntime,
    private readonly services: ServiceDefinition[],
  ) {}

  /** Compiled on the first request that reaches restJson1: the models load when first needed, not at start. */
  private get routes(): Route[] {
    if (!this.compiledRoutes) {
      const routes: Route[] = [];
      for (const service of this.services) {
        for (const operation of Object.values(service.model.operations)) routes.push(compileRoute(service, operation));
      }
      this.compiledRoutes = routes.sort((a, b) => b.specificity - a.specificity);
    }
    return this.compiledRoutes;
  }

  match(request: IncomingRequest): RestJsonMatch | undefined {
    const segments = request.path.split('/').slice(1);
    const query = new URLSearchParams(request.query);
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      if (!route.requiredQuery.every(([key, value]) => query.get(key) === value)) continue;
      const labels = matchSegments(route.segments, segments);
      if (labels) return { route, labels };
    }
    return undefined;
  }

  /** Whether some operation of these services has this path, whatever the method. */
  knowsPath(request: IncomingRequest): boolean {
    const segments = request.path.split('/').slice(1);
    return this.routes.some((route) => matchSegments(route.segments, segments) !== undefined);
  }

  async serve(request: IncomingRequest, match: RestJsonMatch): Promise<WireResponse> {
    const { service, operation } = match.route;
    const model = service.model;
    const output = (await invokeOperation(this.runtime, service, operation, request, () =>
      operation.input ? readRestInput(model, operation.input, request, match.labels) : {},
    )) as Record<string, unknown> | undefined;
    return writeRestOutput(model, operation, output ?? {}, request.requestId);
  }

  static errorResponse(error: AwsError, requestId: string): WireResponse {
    const code = error.codeOn('restJson1');
    return {
      status: error.statusOn('restJson1'),
      headers: {
        'content-type': 'application/json',
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': code,
        ...error.options.headers,
      },
      // A field named like the message member replaces it (Lambda's `"Message": null`).
      body: JSON.stringify({ [error.options.messageMember ?? 'message']: error.message, ...error.options.fields }),
    };
  }
}

function compileRoute(service: ServiceDefinition, operation: OperationModel): Route {
  const [path, queryPart] = operation.http.requestUri.split('?') as [string, string | undefined];
  const segments = path.split('/').slice(1);
  const requiredQuery = queryPart
    ? queryPart.split('&').map((pair) => {
        const [key, value = ''] = pair.split('=');
        return [key as string, value] as [string, string];
      })
    : [];
  const literals = segments.filter((segment) => !segment.startsWith('{')).length;
  return {
    service,
    operation,
    method: operation.http.method,
    segments,
    requiredQuery,
    specificity: literals * 10 + segments.length + requiredQuery.length * 100,
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  const trimmed = actual.length > 1 && actual[actual.length - 1] === '' ? actual.slice(0, -1) : actual;
  for (let index = 0; index < pattern.length; index++) {
    const expected = pattern[index] as string;
    if (expected.endsWith('+}')) {
      const rest = trimmed.slice(index);
      if (rest.length === 0) return undefined;
      labels[expected.slice(1, -2)] = rest.map(decodeSegment).join('/');
      return labels;
    }
    const segment = trimmed[index];
    if (segment === undefined) return undefined;
    if (expected.startsWith('{')) {
      if (segment === '') return undefined;
      labels[expected.slice(1, -1)] = decodeSegment(segment);
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return trimmed.length === pattern.length ? labels : undefined;
}

function readRestInput(
  model: ServiceModel,
  ref: ShapeRef,
  request: IncomingRequest,
  labels: Record<string, string>,
): Record<string, unknown> {
  const shape = shapeOf(model, ref) as StructureShape;
  const input: Record<string, unknown> = {};
  const query = new URLSearchParams(request.query);
  for (const [name, member] of Object.entries(shape.members)) {
    const memberShape = shapeOf(model, member);
    const key = member.locationName ?? name;
    switch (member.location) {
      case 'uri':
        if (labels[key] !== undefined) input[name] = labels[key];
        break;
      case 'querystring':
        if (memberShape.type === 'list') {
          const values = query.getAll(key);
          if (values.length > 0) input[name] = values.map((value) => readText(memberShape, value, key));
        } else if (memberShape.type === 'map') {
          input[name] = Object.fromEntries(query.entries());
        } else if (query.has(key)) {
          input[name] = readText(memberShape, query.get(key) as string, key);
        }
        break;
      case 'header': {
        const value = request.headers.get(key.toLowerCase())?.join(',');
        if (value !== undefined) input[name] = readText(memberShape, value, key);
        break;
      }
      case 'headers': {
        const prefix = key.toLowerCase();
        const map: Record<string, string> = {};
        for (const [header, values] of request.headers)
          if (header.startsWith(prefix)) map[header.slice(prefix.length)] = values.join(',');
        if (Object.keys(map).length > 0) input[name] = map;
        break;
      }
      default:
        break;
    }
  }
  if (shape.payload) {
    const payloadRef = shape.members[shape.payload] as ShapeRef;
    const payloadShape = shapeOf(model, payloadRef);
    if (payloadShape.type === 'blob') {
      if (request.body.byteLength > 0) input[shape.payload] = request.body;
    } else if (payloadShape.type === 'string') {
      if (request.body.byteLength > 0) input[shape.payload] = Buffer.from(request.body).toString('utf8');
    } else {
      const value = readJson(model, payloadRef, parseJsonObject(request.body), { useLocationName: true });
      if (value !== undefined) input[shape.payload] = value;
    }
  } else if (Object.values(shape.members).some((member) => !member.location)) {
    Object.assign(
      input,
      readJson(model, ref, parseJsonObject(request.body), { useLocationName: true }) as Record<string, unknown>,
    );
  }
  return input;
}

/** A path, query or header value read as the member's type. */
function readText(shape: Shape, text: string, key: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
      if (!/^-?\d+$/.test(text)) throw new SerializationException(`Value '${text}' for ${key} is not an integer`);
      return Number(text);
    case 'float':
    case 'double':
      if (text.trim() === '' || Number.isNaN(Number(text)))
        throw new SerializationException(`Value '${text}' for ${key} is not a number`);
      return Number(text);
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw new SerializationException(`Value '${text}' for ${key} is not a boolean`);
      return text === 'true';
    case 'timestamp': {
      const time = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text);
      if (Number.isNaN(time)) throw new SerializationException(`Value '${text}' for ${key} is not a timestamp`);
      return new Date(time);
    }
    case 'list':
      return text;
    default:
      return text;
  }
}

function writeRestOutput(
  model: ServiceModel,
  operation: OperationModel,
  output: Record<string, unknown>,
  requestId: string,
): WireResponse {
  const headers: Record<string, string> = { 'x-amzn-requestid': requestId };
  let status = operation.http.responseCode ?? 200;
  if (!operation.output) return { status, headers, body: '' };
  const shape = shapeOf(model, operation.output) as StructureShape;
  for (const [name, member] of Object.entries(shape.members)) {
    const value = output[name];
    if (value === undefined || value === null) continue;
    if (member.location === 'statusCode') status = value as number;
    else if (member.location === 'header')
      headers[(member.locationName ?? name).toLowerCase()] =
        value instanceof Date ? value.toUTCString() : String(value);
    else if (member.location === 'headers') {
      for (const [key, item] of Object.entries(value as Record<string, string>))
        headers[`${member.locationName ?? ''}${key}`.toLowerCase()] = item;
    }
  }
  if (shape.payload) {
    const payloadRef = shape.members[shape.payload] as ShapeRef;
    const payload = output[shape.payload];
    const payloadShape = shapeOf(model, payloadRef);
    if (payloadShape.type === 'blob' || payloadShape.type === 'string') {
      headers['content-type'] ??= payloadShape.type === 'blob' ? 'application/octet-stream' : 'text/plain';
      return {
        status,
        headers,
        body: payload === undefined ? '' : typeof payload === 'string' ? payload : (payload as Uint8Array),
      };
    }
    headers['content-type'] = 'application/json';
    return {
      status,
      headers,
      body: JSON.stringify(writeJson(model, payloadRef, payload ?? {}, { useLocationName: true }) ?? {}),
    };
  }
  headers['content-type'] = 'application/json';
  return {
    status,
    headers,
    body: JSON.stringify(writeJson(model, operation.output, output, { useLocationName: true }) ?? {}),
  };
}
