import { headerValue } from '../auth/sigv4.js';
import { type AwsError, SerializationException, UnknownOperationException } from '../errors.js';
import type { EmulatorRuntime } from '../runtime.js';
import type { ServiceDefinition } from '../services/service-definition.js';
import { parseJsonBody } from './body-checks.js';
import { invokeOperation } from './invoke-operation.js';
import { readJson, writeJson } from './json-shapes.js';
import { contentTypeOf, jsonResponse, type IncomingRequest, type WireResponse } from './wire.js';

const jsonContentTypes = new Set(['application/x-amz-json-1.1', 'application/x-amz-json-1.0', 'application/json']);

/**
 * awsJson1_1 (Cognito Identity): `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON object body;
 * answers JSON, errors as `{"__type": "<Code>", "message": "…"}` with the code also in `x-amzn-ErrorType`.
 * Checked in Coral's order: content type, JSON syntax, target, authentication, member types, constraints.
 */
export class AwsJsonProtocol {
  private byPrefixMap: Map<string, ServiceDefinition> | undefined;

  constructor(
    private readonly runtime: EmulatorRuntime,
    private readonly services: ServiceDefinition[],
  ) {}

  /** Built on the first call: the models load when first needed, not at start. */
  private get byPrefix(): Map<string, ServiceDefinition> {
    if (!this.byPrefixMap) {
      this.byPrefixMap = new Map();
      for (const service of this.services) this.byPrefixMap.set(service.model.metadata.targetPrefix as string, service);
    }
    return this.byPrefixMap;
  }

  async serve(request: IncomingRequest): Promise<WireResponse> {
    const target = headerValue(request, 'x-amz-target') ?? '';
    if (request.method !== 'POST' || !jsonContentTypes.has(contentTypeOf(request))) {
      throw new UnknownOperationException(
        `Unknown operation: ${request.method} ${contentTypeOf(request) || '(no content type)'} ${target}`,
      );
    }
    const body = parseJsonObject(request.body);
    const dot = target.lastIndexOf('.');
    const service = this.byPrefix.get(target.slice(0, dot));
    const operation = service?.model.operations[target.slice(dot + 1)];
    if (!service || !operation) throw new UnknownOperationException(`Unknown operation ${target}`);

    const output = await invokeOperation(this.runtime, service, operation, request, () =>
      operation.input
        ? (readJson(service.model, operation.input, body, { useLocationName: false }) as Record<string, unknown>)
        : {},
    );
    const written = operation.output
      ? writeJson(service.model, operation.output, output ?? {}, { useLocationName: false })
      : {};
    return jsonResponse(200, written ?? {}, { 'x-amzn-requestid': request.requestId }, 'application/x-amz-json-1.1');
  }

  static errorResponse(error: AwsError, requestId: string): WireResponse {
    const code = error.codeOn('awsJson1_1');
    return jsonResponse(
      error.statusOn('awsJson1_1'),
      { __type: code, message: error.message, ...error.options.fields },
      { 'x-amzn-requestid': requestId, 'x-amzn-errortype': code, ...error.options.headers },
      'application/x-amz-json-1.1',
    );
  }
}

export function parseJsonObject(body: Uint8Array): Record<string, unknown> {
  const parsed = parseJsonBody(body);
  if (parsed === undefined) return {};
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SerializationException('Start of list found where not expected');
  }
  return parsed as Record<string, unknown>;
}
