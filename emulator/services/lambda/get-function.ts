import type { GetFunctionRequest, GetFunctionResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { codeLocation } from './code-location.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction, requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/** A function without tags has no Tags member (recorded: test_function_lifecycle::get_function_response). */
export const getFunction: Operation<GetFunctionRequest, GetFunctionResponse> = (input, context) => {
  const store = context.runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  const fn = requireFunction(store, reference);
  const version = requireVersion(store, reference);
  return {
    Configuration: functionConfiguration(version, { nowMs: context.now.getTime(), arn: reference.qualifier === '$LATEST' ? 'qualified' : 'default' }),
    Code: { RepositoryType: 'S3', Location: codeLocation(context.runtime, version.codeSha256) },
    Tags: Object.keys(fn.tags).length > 0 ? fn.tags : undefined,
    Concurrency: fn.reservedConcurrency === undefined ? undefined : { ReservedConcurrentExecutions: fn.reservedConcurrency },
  };
};
