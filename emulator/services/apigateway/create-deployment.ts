import type { CreateDeploymentRequest, Deployment } from '@aws-sdk/client-api-gateway';
import type {
  ApiGatewayStore,
  DeploymentRecord,
  DeploymentSnapshot,
  RestApiRecord,
  StageRecord,
} from '../../store/apigateway-store.js';
import { type CallContext, defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated } from './errors.js';
import { uniqueId } from './ids.js';
import { requireRestApi } from './lookups.js';
import { checkStageName } from './stage-names.js';
import { deploymentView } from './views.js';

/**
 * The API as it is now: what the stages pointing at this deployment serve until the next deployment, including
 * the resource policy, the gateway responses and the disabled default endpoint, which AWS also applies only once
 * deployed.
 */
function snapshotOf(
  store: Pick<ApiGatewayStore, 'methodsByResource' | 'listResources' | 'gatewayResponses'>,
  api: RestApiRecord,
): DeploymentSnapshot {
  const methods = store.methodsByResource(api.apiId);
  const resources = store
    .listResources(api.apiId)
    .map((resource) => ({ ...resource, methods: methods.get(resource.resourceId) ?? {} }));
  if (methods.size === 0) throw apiGatewayErrors.noMethods();
  for (const resource of resources) {
    if (Object.values(resource.methods).some((method) => !method.integration))
      throw apiGatewayErrors.methodWithoutIntegration();
  }
  return {
    policy: api.policy,
    binaryMediaTypes: api.binaryMediaTypes,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    gatewayResponses: store.gatewayResponses(api.apiId),
    resources,
  };
}

/** The stage `stageName` made, or moved to the deployment. */
function deployedStage(
  store: Pick<ApiGatewayStore, 'findStage'>,
  input: CreateDeploymentRequest,
  context: CallContext,
  deploymentId: string,
): StageRecord {
  const apiId = input.restApiId as string;
  const stageName = input.stageName as string;
  const now = context.now.getTime();
  const existing = store.findStage(apiId, stageName);
  if (existing) return { ...existing, deploymentId, variables: input.variables ?? existing.variables, updatedAt: now };
  return {
    apiId,
    stageName,
    deploymentId,
    description: input.stageDescription,
    variables: input.variables ?? {},
    tags: {},
    tracingEnabled: input.tracingEnabled ?? false,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Freezes the API's resources, methods, integrations and resource policy. With `stageName` the stage is created,
 * or moved to the new deployment. Later changes to the API reach execute-api only with another deployment.
 */
export const createDeployment = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: CreateDeploymentRequest, context): Deployment => {
      if (input.canarySettings !== undefined) throw notEmulated.canarySettings();
      if (input.cacheClusterEnabled) throw notEmulated.stageCache();
      if (input.stageName) checkStageName(input.stageName);
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      const snapshot = snapshotOf(apigateway, api);
      const deployment: DeploymentRecord = {
        deploymentId: uniqueId(6, (id) => apigateway.findDeployment(api.apiId, id) !== undefined),
        description: input.description,
        createdAt: context.now.getTime(),
      };
      const stage = input.stageName ? deployedStage(apigateway, input, context, deployment.deploymentId) : undefined;
      apigateway.createDeployment(api.apiId, deployment, snapshot, stage);
      return deploymentView(deployment);
    },
);
