import type { DeleteDeploymentRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notFound } from './errors.js';
import { requireRestApi } from './lookups.js';

/** A deployment a stage still serves cannot go (AWS's message, quoted by moto). */
export const deleteDeployment = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteDeploymentRequest, context): void => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      const deploymentId = input.deploymentId as string;
      if (!apigateway.findDeployment(api.apiId, deploymentId)) throw notFound.deployment();
      if (apigateway.listStages(api.apiId, deploymentId).length > 0) {
        throw apiGatewayErrors.activeStages();
      }
      apigateway.deleteDeployment(api.apiId, deploymentId);
    },
);
