import type { GetStagesRequest, Stages } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireRestApi } from './lookups.js';
import { stageView } from './views.js';

/** All the API's stages (not paginated, as in AWS), or those serving `deploymentId`. */
export const getStages: Operation<GetStagesRequest, Stages> = (input, context) => {
  const api = requireRestApi(context, input.restApiId as string);
  return { item: context.runtime.apigateway.listStages(api.apiId, input.deploymentId).map(stageView) };
};
