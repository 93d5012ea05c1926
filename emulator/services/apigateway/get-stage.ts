import type { GetStageRequest, Stage } from '@aws-sdk/client-api-gateway';
import { defineOperation } from '../service-definition.js';
import { requireStage } from './lookups.js';
import { stageView } from './views.js';

export const getStage = defineOperation(
  ['apigateway'],
  ({ apigateway }) =>
    (input: GetStageRequest, context): Stage =>
      stageView(requireStage(apigateway, context, input.restApiId as string, input.stageName as string)),
);
