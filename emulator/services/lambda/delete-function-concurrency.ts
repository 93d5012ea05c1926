import type { DeleteFunctionConcurrencyRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const deleteFunctionConcurrency: Operation<DeleteFunctionConcurrencyRequest, void> = (input, context) => {
  const { runtime } = context;
  const reference = parseFunctionName(input.FunctionName as string, context);
  runtime.db.transaction(() => {
    const fn = requireFunction(runtime.lambdaStore, reference);
    runtime.lambdaStore.saveFunctionExtras({ ...fn, reservedConcurrency: undefined });
  });
};
