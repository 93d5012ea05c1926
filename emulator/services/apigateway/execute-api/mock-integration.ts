import type { WireResponse } from '../../../protocols/wire.js';
import type { StoredIntegration, StoredIntegrationResponse } from '../../../store/apigateway-store.js';
import { mockStatusCodeOf } from '../mapping-templates.js';
import {
  gatewayErrors,
  idHeaders,
  isValidHeaderValue,
  type GatewayError,
  type ResponseIds,
} from './gateway-responses.js';

export interface MockCall {
  integration: StoredIntegration;
  contentType: string;
  /** Request values a response parameter may map: `method.request.header.<name>` (lower-case), querystring, path. */
  requestValues: Map<string, string>;
  stageVariables: Record<string, string>;
  ids: ResponseIds;
  log: { warn(message: string): void };
}

/** The request template for the request's content type (application/json when it has none), by passthrough rules. */
function selectedTemplate(call: MockCall): { template: string | undefined } | 'unsupported-media-type' {
  const templates = call.integration.requestTemplates ?? {};
  const contentType = call.contentType === '' ? 'application/json' : call.contentType;
  if (templates[contentType] !== undefined) return { template: templates[contentType] };
  const behaviour = call.integration.passthroughBehavior;
  if (behaviour === 'NEVER' || (behaviour === 'WHEN_NO_TEMPLATES' && Object.keys(templates).length > 0))
    return 'unsupported-media-type';
  return { template: undefined };
}

/** The integration response whose selectionPattern matches the status code, else the default one (no pattern). */
function selectedResponse(integration: StoredIntegration, statusCode: string): StoredIntegrationResponse | undefined {
  const responses = Object.values(integration.integrationResponses);
  const matching = responses.find(
    (response) => response.selectionPattern && new RegExp(`^(?:${response.selectionPattern})$`).test(statusCode),
  );
  return matching ?? responses.find((response) => !response.selectionPattern);
}

function mappedValue(expression: string, call: MockCall): string | undefined {
  if (expression.startsWith("'") && expression.endsWith("'")) return expression.slice(1, -1);
  if (expression.startsWith('stageVariables.')) return call.stageVariables[expression.slice('stageVariables.'.length)];
  const requestValue = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(expression);
  if (requestValue) {
    const name = requestValue[1] === 'header' ? (requestValue[2] as string).toLowerCase() : requestValue[2];
    return call.requestValues.get(`${requestValue[1]}.${name}`);
  }
  if (expression === 'context.requestId') return call.ids.requestId;
  return undefined;
}

/**
 * A MOCK integration answers from its configuration alone: the request template names the status code, the
 * matching integration response sets the headers (`'*'` literals, request values) and a static body. No
 * integration response for the code is AWS's "No match for output mapping and no default output mapping
 * configured": 500.
 */
export function mockResponse(call: MockCall): WireResponse | GatewayError {
  const selection = selectedTemplate(call);
  if (selection === 'unsupported-media-type') return gatewayErrors.unsupportedMediaType();
  const statusCode = String(selection.template === undefined ? 200 : (mockStatusCodeOf(selection.template) ?? 200));
  const response = selectedResponse(call.integration, statusCode);
  if (!response) {
    call.log.warn(
      `execute-api ${call.ids.requestId}: Execution failed due to configuration error: ` +
        'No match for output mapping and no default output mapping configured',
    );
    return gatewayErrors.apiConfigurationError();
  }
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [target, expression] of Object.entries(response.responseParameters ?? {})) {
    const value = mappedValue(expression, call);
    if (value !== undefined && isValidHeaderValue(value))
      headers[target.slice('method.response.header.'.length)] = value;
  }
  const templates = response.responseTemplates ?? {};
  const body = templates['application/json'] ?? Object.values(templates)[0] ?? '';
  return {
    status: Number(response.statusCode),
    headers: { ...headers, ...idHeaders(call.ids) },
    body,
    omitEmulatorCors: true,
  };
}
