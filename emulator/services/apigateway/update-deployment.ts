import type { Deployment, PatchOperation, UpdateDeploymentRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated, notFound } from './errors.js';
import { requireRestApi } from './lookups.js';
import { deploymentView } from './views.js';

function descriptionOf(operation: PatchOperation): string | undefined {
  if (operation.path?.startsWith('/canarySettings/')) throw notEmulated.canarySettings();
  // [unverified] AWS's wording for another path, and which ops it allows.
  if (operation.path !== '/description') throw apiGatewayErrors.unknownPatchPath(operation.path ?? '');
  if (operation.op === 'remove') return undefined;
  if (operation.op !== 'replace') throw apiGatewayErrors.patchOperationNotAllowed(['replace']);
  return operation.value === undefined || operation.value === '' ? undefined : operation.value;
}

/**
 * Changes a deployment's description (what Terraform's `aws_api_gateway_deployment` sends when its description
 * changes). What a deployment serves never changes: a new one is made with CreateDeployment.
 */
export const updateDeployment = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: UpdateDeploymentRequest, context): Deployment => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      const deployment = apigateway.findDeployment(api.apiId, input.deploymentId as string);
      if (!deployment) throw notFound.deployment();
      let description = deployment.description;
      for (const operation of input.patchOperations ?? []) description = descriptionOf(operation);
      apigateway.updateDeploymentDescription(api.apiId, deployment.deploymentId, description);
      return deploymentView({ ...deployment, description });
    },
);
