import type { DeleteStageRequest } from '@aws-sdk/client-api-gateway';
import type { Operation } from '../service-definition.js';
import { requireStage } from './get-stage.js';

/** Deletes the stage: its execute-api URLs stop answering. Its deployment stays. */
export const deleteStage: Operation<DeleteStageRequest, void> = (input, context) => {
  const store = context.runtime.apigateway;
  store.db.transaction(() => {
    const stage = requireStage(context, input.restApiId as string, input.stageName as string);
    store.deleteStage(stage.apiId, stage.stageName);
  });
};
