import type { GatewayResponse, GatewayResponseType } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { StoredGatewayResponse } from '../../store/apigateway-store.js';

/**
 * Every gateway response type with the status code GetGatewayResponses shows for it by default; DEFAULT_4XX and
 * DEFAULT_5XX have none (recorded: test_apigateway_api.py::TestApiGatewayGatewayResponse::test_gateway_response_crud).
 */
const gatewayResponseStatus: Record<GatewayResponseType, string | undefined> = {
  ACCESS_DENIED: '403',
  API_CONFIGURATION_ERROR: '500',
  AUTHORIZER_CONFIGURATION_ERROR: '500',
  AUTHORIZER_FAILURE: '500',
  BAD_REQUEST_BODY: '400',
  BAD_REQUEST_PARAMETERS: '400',
  DEFAULT_4XX: undefined,
  DEFAULT_5XX: undefined,
  EXPIRED_TOKEN: '403',
  INTEGRATION_FAILURE: '504',
  INTEGRATION_TIMEOUT: '504',
  INVALID_API_KEY: '403',
  INVALID_SIGNATURE: '403',
  MISSING_AUTHENTICATION_TOKEN: '403',
  QUOTA_EXCEEDED: '429',
  REQUEST_TOO_LARGE: '413',
  RESOURCE_NOT_FOUND: '404',
  THROTTLED: '429',
  UNAUTHORIZED: '401',
  UNSUPPORTED_MEDIA_TYPE: '415',
  WAF_FILTERED: '403',
};

export const gatewayResponseTypes = Object.keys(gatewayResponseStatus).sort() as GatewayResponseType[];

export const defaultGatewayTemplates: Record<string, string> = {
  'application/json': '{"message":$context.error.messageString}',
};

/** The gateway responses an API or a deployment has set, by type. */
export type GatewayResponses = Partial<Record<string, StoredGatewayResponse>>;

/** The DEFAULT_4XX or DEFAULT_5XX a type falls back to. */
function familyOf(type: GatewayResponseType): 'DEFAULT_4XX' | 'DEFAULT_5XX' | undefined {
  const status = gatewayResponseStatus[type];
  if (status === undefined) return undefined;
  return status.startsWith('5') ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
}

export interface EffectiveGatewayResponse {
  /** What GetGatewayResponse shows: the set code, else the family's set code, else the type's default. */
  statusCode: string | undefined;
  /** The code someone set (on the type, else on its family): only that overrides the status of the error. */
  setStatusCode: string | undefined;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
  defaultResponse: boolean;
}

/**
 * A type's response as API Gateway applies it: its own when set, else built from its family's DEFAULT_4XX or
 * DEFAULT_5XX when that is set (still `defaultResponse: true`), else the built-in default (recorded:
 * test_gateway_response_put, where a DEFAULT_5XX of 599 shows on INTEGRATION_FAILURE and the other unset 5XX).
 */
export function effectiveGatewayResponse(
  type: GatewayResponseType,
  responses: GatewayResponses,
): EffectiveGatewayResponse {
  const own = responses[type];
  const family = familyOf(type);
  const inherited = own ? undefined : family && responses[family];
  const source = own ?? inherited;
  return {
    statusCode: source?.statusCode ?? gatewayResponseStatus[type],
    setStatusCode: source?.statusCode,
    responseParameters: { ...(source?.responseParameters ?? {}) },
    responseTemplates: { ...(source?.responseTemplates ?? defaultGatewayTemplates) },
    defaultResponse: own === undefined,
  };
}

export function gatewayResponseView(type: GatewayResponseType, responses: GatewayResponses): GatewayResponse {
  const effective = effectiveGatewayResponse(type, responses);
  return {
    responseType: type,
    statusCode: effective.statusCode,
    responseParameters: effective.responseParameters,
    responseTemplates: effective.responseTemplates,
    defaultResponse: effective.defaultResponse,
  };
}

/** The references a gateway response template may use; idpool renders these and no other VTL. */
const templateReferences = [
  'context.error.message',
  'context.error.messageString',
  'context.error.responseType',
  'context.requestId',
  'context.extendedRequestId',
  'context.apiId',
  'context.accountId',
  'context.stage',
  'context.resourceId',
  'context.resourcePath',
  'context.httpMethod',
];

/** `$name`, `$!name`, `${name}`, `$!{name}` as VTL spells a reference; a `$` before anything else is text. */
export const templateReference = /\$!?(?:\{([A-Za-z][\w-]*(?:\.[\w-]+)*)\}|([A-Za-z][\w-]*(?:\.[\w-]+)*))(\()?/g;

/** The name a match of templateReference refers to. */
export function referenceName(match: RegExpMatchArray | string[]): string {
  return (match[1] ?? match[2]) as string;
}
const stageVariableReference = /^stageVariables\.[A-Za-z0-9_]+$/;
const vtlDirective = /#[A-Za-z{#*]/;

function isSupportedTemplateReference(name: string): boolean {
  return templateReferences.includes(name) || stageVariableReference.test(name);
}

/** Refuses, naming it, whatever in a gateway response template idpool would not render as API Gateway does. */
export function checkGatewayTemplates(templates: Record<string, string>): void {
  for (const [contentType, template] of Object.entries(templates)) {
    const what = `Gateway response template for ${contentType}`;
    const directive = vtlDirective.exec(template);
    if (directive)
      throw new UnsupportedFeatureException(
        `${what} uses the VTL directive '${directive[0]}…'; idpool renders only references`,
      );
    for (const match of template.matchAll(templateReference)) {
      const [text, , , call] = match;
      if (call !== undefined || !isSupportedTemplateReference(referenceName(match))) {
        throw new UnsupportedFeatureException(
          `${what} uses '${text}'; idpool renders only $${templateReferences.join(', $')} and $stageVariables.<name>`,
        );
      }
    }
  }
}

/** Values a gateway response header may take: a quoted literal, a request value or a stage variable. */
const parameterValue =
  /^('[^'\r\n]*'|method\.request\.(header|querystring|path)\.[^.\s]+|stageVariables\.[A-Za-z0-9_]+)$/;
const headerTarget = /^gatewayresponse\.header\.[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function checkGatewayParameters(parameters: Record<string, string>): void {
  for (const [target, value] of Object.entries(parameters)) {
    if (!headerTarget.test(target)) {
      throw new UnsupportedFeatureException(
        `Gateway response parameter ${target}: idpool maps only gatewayresponse.header.<name>`,
      );
    }
    if (!parameterValue.test(value)) {
      throw new UnsupportedFeatureException(
        `Gateway response parameter ${target} = ${value}: idpool maps only 'literal', ` +
          'method.request.header|querystring|path.<name> and stageVariables.<name>',
      );
    }
  }
}
