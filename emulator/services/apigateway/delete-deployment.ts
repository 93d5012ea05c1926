import type { DeleteDeploymentRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { BadRequestException, notFound } from './errors.js';
import { requireRestApi } from './lookups.js';

/** A deployment a stage still serves cannot go (AWS's message, quoted by moto). */
export const deleteDeployment: Operation<DeleteDeploymentRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const api = requireRestApi(context, input.restApiId as string);
    const deploymentId = input.deploymentId as string;
    if (!store.findDeployment(api.apiId, deploymentId)) throw notFound.deployment();
    if (store.listStages(api.apiId, deploymentId).length > 0) throw new BadRequestException('Active stages pointing to this deployment must be moved or deleted');
    store.deleteDeployment(api.apiId, deploymentId);
  });
};
