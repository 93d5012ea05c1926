import type { GetFunctionConcurrencyRequest, GetFunctionConcurrencyResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const getFunctionConcurrency = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: GetFunctionConcurrencyRequest, context): GetFunctionConcurrencyResponse => {
      const fn = requireFunction(lambdaStore, parseFunctionName(input.FunctionName as string, context));
      return { ReservedConcurrentExecutions: fn.reservedConcurrency };
    },
);
