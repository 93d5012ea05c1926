import type { DeleteFunctionConcurrencyRequest } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const deleteFunctionConcurrency = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: DeleteFunctionConcurrencyRequest, context): void => {
      const fn = requireFunction(lambdaStore, parseFunctionName(input.FunctionName as string, context));
      lambdaStore.saveFunctionExtras({ ...fn, reservedConcurrency: undefined });
    },
);
