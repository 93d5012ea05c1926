import type { CreateStageRequest, Stage } from '@aws-sdk/client-api-gateway';
import type { StageRecord } from '../../store/apigateway-store.js';
import { defineOperation } from '../service-definition.js';
import { apiGatewayErrors, notEmulated, notFound } from './errors.js';
import { requireRestApi } from './lookups.js';
import { checkStageName } from './stage-names.js';
import { stageView } from './views.js';

/**
 * Creates a stage serving an existing deployment. An existing name is AWS's ConflictException "Stage already exists".
 */
export const createStage = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: CreateStageRequest, context): Stage => {
      if (input.canarySettings !== undefined) throw notEmulated.canarySettings();
      if (input.cacheClusterEnabled) throw notEmulated.stageCache();
      if (input.documentationVersion !== undefined) throw notEmulated.documentationVersion();
      const stageName = input.stageName as string;
      checkStageName(stageName);
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      // [unverified] AWS's answer to an unknown deployment id here.
      if (!apigateway.findDeployment(api.apiId, input.deploymentId as string)) throw notFound.deployment();
      if (apigateway.findStage(api.apiId, stageName)) throw apiGatewayErrors.stageExists();
      const now = context.now.getTime();
      const stage: StageRecord = {
        apiId: api.apiId,
        stageName,
        deploymentId: input.deploymentId as string,
        description: input.description,
        variables: input.variables ?? {},
        tags: input.tags ?? {},
        tracingEnabled: input.tracingEnabled ?? false,
        createdAt: now,
        updatedAt: now,
      };
      apigateway.insertStage(stage);
      return stageView(stage);
    },
);
