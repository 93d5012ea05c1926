import type { GetFunctionConcurrencyRequest, GetFunctionConcurrencyResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const getFunctionConcurrency: Operation<GetFunctionConcurrencyRequest, GetFunctionConcurrencyResponse> = (input, context) => {
  const fn = requireFunction(context.runtime.lambdaStore, parseFunctionName(input.FunctionName as string, context));
  return { ReservedConcurrentExecutions: fn.reservedConcurrency };
};
