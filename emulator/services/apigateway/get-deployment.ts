import type { Deployment, GetDeploymentRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireRestApi } from './lookups.js';
import { deploymentView } from './views.js';

/** With `embed=apisummary`, the deployed methods by path: their authorization type and API key requirement. */
export const getDeployment: Operation<GetDeploymentRequest, Deployment> = (input, context) => {
  const store = context.runtime.apigateway;
  const api = requireRestApi(context, input.restApiId as string);
  const deployment = store.findDeployment(api.apiId, input.deploymentId as string);
  if (!deployment) throw notFound.deployment();
  const summary = input.embed?.includes('apisummary') ? store.deploymentSnapshot(api.apiId, deployment.deploymentId) : undefined;
  return deploymentView(deployment, summary);
};
