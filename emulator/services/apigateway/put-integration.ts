import type { Integration, PutIntegrationRequest } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { StoredIntegration } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated } from './errors.js';
import { checkAwsProxyUri } from './integration-uri.js';
import { requireMethod } from './lookups.js';
import { mockStatusCodeOf } from './mapping-templates.js';
import { integrationView } from './views.js';

const passthroughBehaviors = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];

type TypeMembers = 'type' | 'integrationHttpMethod' | 'uri' | 'requestTemplates';
type OptionMembers = 'timeoutInMillis' | 'connectionType' | 'responseTransferMode' | 'credentials';

export function checkType(input: Pick<PutIntegrationRequest, TypeMembers>): void {
  switch (input.type) {
    case 'AWS_PROXY':
      if (!input.integrationHttpMethod) throw apiGatewayErrors.emptyIntegrationHttpMethod();
      checkAwsProxyUri(input.uri);
      return;
    case 'MOCK':
      for (const template of Object.values(input.requestTemplates ?? {})) mockStatusCodeOf(template);
      return;
    default:
      throw new UnsupportedFeatureException(
        `integration type ${input.type} (idpool emulates AWS_PROXY to Lambda and MOCK)`,
      );
  }
}

export function checkOptions(input: Pick<PutIntegrationRequest, OptionMembers | 'passthroughBehavior'>): string {
  if (input.timeoutInMillis !== undefined && (input.timeoutInMillis < 50 || input.timeoutInMillis > 29_000)) {
    throw apiGatewayErrors.timeoutOutOfRange();
  }
  if (input.connectionType === 'VPC_LINK') throw notEmulated.vpcLinks();
  if (input.responseTransferMode === 'STREAM')
    throw new UnsupportedFeatureException('responseTransferMode STREAM (response streaming)');
  if (input.credentials !== undefined && /^arn:aws[a-z-]*:iam::\*:user\/\*$/.test(input.credentials)) {
    throw new UnsupportedFeatureException(
      "credentials arn:aws:iam::*:user/* (calling the backend with the caller's own credentials)",
    );
  }
  const passthrough = (input.passthroughBehavior ?? 'WHEN_NO_MATCH').toUpperCase();
  if (!passthroughBehaviors.includes(passthrough)) {
    throw apiGatewayErrors.invalidPassthroughBehavior(passthroughBehaviors);
  }
  return passthrough;
}

/**
 * Sets (or replaces) a method's integration: AWS_PROXY to a Lambda function by its invocation URI, or MOCK with
 * request templates naming the status code. Replacing an integration drops its integration responses
 * [unverified].
 */
export const putIntegration = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: PutIntegrationRequest, context): Integration => {
      checkType(input);
      const passthroughBehavior = checkOptions(input);
      const apiId = input.restApiId as string;
      const resourceId = input.resourceId as string;
      const method = requireMethod(apigateway, context, apiId, resourceId, input.httpMethod as string);
      const integration: StoredIntegration = {
        type: input.type as string,
        httpMethod: input.integrationHttpMethod,
        uri: input.type === 'MOCK' ? undefined : input.uri,
        credentials: input.credentials,
        requestParameters: input.requestParameters,
        requestTemplates: input.requestTemplates,
        passthroughBehavior,
        contentHandling: input.contentHandling,
        timeoutInMillis: input.timeoutInMillis ?? 29_000,
        cacheNamespace: input.cacheNamespace ?? resourceId,
        cacheKeyParameters: input.cacheKeyParameters ?? [],
        integrationResponses: {},
      };
      method.integration = integration;
      apigateway.putMethod(apiId, resourceId, method);
      return integrationView(integration);
    },
);
