import type { Deployments, GetDeploymentsRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { deploymentView } from './views.js';

export const getDeployments = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetDeploymentsRequest, context): Deployments => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      const deployments = apigateway.listDeployments(api.apiId);
      const page = paginate(deployments, (deployment) => deployment.deploymentId, input.position, input.limit);
      return { items: page.items.map((deployment) => deploymentView(deployment)), position: page.position };
    },
);
