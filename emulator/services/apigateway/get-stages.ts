import type { GetStagesRequest, Stages } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { stageView } from './views.js';

/** All the API's stages (not paginated, as in AWS), or those serving `deploymentId`. */
export const getStages = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetStagesRequest, context): Stages => {
      const api = requireRestApi(apigateway, context, input.restApiId as string);
      return { item: apigateway.listStages(api.apiId, input.deploymentId).map(stageView) };
    },
);
