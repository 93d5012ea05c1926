import type { GetStageRequest, Stage } from '@aws-sdk/client-api-gateway';
import type { StageRecord } from '../../store/apigateway-store.js';
import type { Operation, OperationContext } from '../service-definition.js';
import { notFound } from './errors.js';
import { requireRestApi } from './lookups.js';
import { stageView } from './views.js';

export function requireStage(context: OperationContext, apiId: string, stageName: string): StageRecord {
  requireRestApi(context, apiId);
  const stage = context.runtime.apigateway.findStage(apiId, stageName);
  if (!stage) throw notFound.stage();
  return stage;
}

export const getStage: Operation<GetStageRequest, Stage> = (input, context) =>
  stageView(requireStage(context, input.restApiId as string, input.stageName as string));
