import type { Deployments, GetDeploymentsRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { deploymentView } from './views.js';

export const getDeployments: Operation<GetDeploymentsRequest, Deployments> = (input, context) => {
  const api = requireRestApi(context, input.restApiId as string);
  const page = paginate(context.runtime.apigateway.listDeployments(api.apiId), (deployment) => deployment.deploymentId, input.position, input.limit);
  return { items: page.items.map((deployment) => deploymentView(deployment)), position: page.position };
};
