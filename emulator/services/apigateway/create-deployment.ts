import type { CreateDeploymentRequest, Deployment } from '@aws-sdk/client-api-gateway';
import { UnsupportedFeatureException } from '../../errors.js';
import type { ApiGatewayStore, DeploymentRecord, DeploymentSnapshot, RestApiRecord } from '../../store/apigateway-store.js';
import type { Operation, OperationContext } from '../service-definition.js';
import { BadRequestException } from './errors.js';
import { uniqueId } from './ids.js';
import { requireRestApi } from './lookups.js';
import { checkStageName } from './stage-names.js';
import { deploymentView } from './views.js';

/**
 * The API as it is now: what the stages pointing at this deployment serve until the next deployment, including
 * the resource policy, the gateway responses and the disabled default endpoint, which AWS also applies only once
 * deployed.
 */
function snapshotOf(store: ApiGatewayStore, api: RestApiRecord): DeploymentSnapshot {
  const methods = store.methodsByResource(api.apiId);
  const resources = store.listResources(api.apiId).map((resource) => ({ ...resource, methods: methods.get(resource.resourceId) ?? {} }));
  if (methods.size === 0) throw new BadRequestException("The REST API doesn't contain any methods");
  for (const resource of resources) {
    if (Object.values(resource.methods).some((method) => !method.integration)) throw new BadRequestException('No integration defined for method');
  }
  return {
    policy: api.policy,
    binaryMediaTypes: api.binaryMediaTypes,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    gatewayResponses: store.gatewayResponses(api.apiId),
    resources,
  };
}

function deployToStage(input: CreateDeploymentRequest, context: OperationContext, deploymentId: string): void {
  const store = context.runtime.apigateway;
  const apiId = input.restApiId as string;
  const stageName = input.stageName as string;
  const now = context.now.getTime();
  const existing = store.findStage(apiId, stageName);
  if (existing) {
    store.updateStage({ ...existing, deploymentId, variables: input.variables ?? existing.variables, updatedAt: now });
    return;
  }
  store.insertStage({
    apiId,
    stageName,
    deploymentId,
    description: input.stageDescription,
    variables: input.variables ?? {},
    tags: {},
    tracingEnabled: input.tracingEnabled ?? false,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Freezes the API's resources, methods, integrations and resource policy. With `stageName` the stage is created,
 * or moved to the new deployment. Later changes to the API reach execute-api only with another deployment.
 */
export const createDeployment: Operation<CreateDeploymentRequest, Deployment> = (input, context) => {
  if (input.canarySettings !== undefined) throw new UnsupportedFeatureException('canarySettings (canary deployments)');
  if (input.cacheClusterEnabled) throw new UnsupportedFeatureException('cacheClusterEnabled (stage caches)');
  if (input.stageName) checkStageName(input.stageName);
  const store = context.runtime.apigateway;
  return store.db.transaction(() => {
    const api = requireRestApi(context, input.restApiId as string);
    const snapshot = snapshotOf(store, api);
    const deployment: DeploymentRecord = {
      deploymentId: uniqueId(6, (id) => store.findDeployment(api.apiId, id) !== undefined),
      description: input.description,
      createdAt: context.now.getTime(),
    };
    store.insertDeployment(api.apiId, deployment, snapshot);
    if (input.stageName) deployToStage(input, context, deployment.deploymentId);
    return deploymentView(deployment);
  });
};
