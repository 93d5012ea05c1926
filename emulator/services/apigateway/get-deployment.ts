import type { Deployment, GetDeploymentRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireRestApi } from './lookups.js';
import { deploymentView } from './views.js';

/** With `embed=apisummary`, the deployed methods by path: their authorization type and API key requirement. */
export const getDeployment = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetDeploymentRequest, context): Deployment => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      const deployment = apigateway.findDeployment(api.apiId, input.deploymentId as string);
      if (!deployment) throw notFound.deployment();
      const summary = input.embed?.includes('apisummary')
        ? apigateway.deploymentSnapshot(api.apiId, deployment.deploymentId)
        : undefined;
      return deploymentView(deployment, summary);
    },
);
