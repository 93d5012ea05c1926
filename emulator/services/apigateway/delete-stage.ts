import type { DeleteStageRequest } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireStage } from './lookups.js';

/** Deletes the stage: its execute-api URLs stop answering. Its deployment stays. */
export const deleteStage = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: DeleteStageRequest, context): void => {
      const stage = requireStage(apigateway, context, input.restApiId as string, input.stageName as string);
      apigateway.deleteStage(stage.apiId, stage.stageName);
    },
);
