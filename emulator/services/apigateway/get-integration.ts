import type { GetIntegrationRequest, Integration } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireIntegration, requireMethod } from './lookups.js';
import { integrationView } from './views.js';

export const getIntegration: Operation<GetIntegrationRequest, Integration> = (input, context) =>
  integrationView(requireIntegration(requireMethod(context, input.restApiId as string, input.resourceId as string, input.httpMethod as string)));
