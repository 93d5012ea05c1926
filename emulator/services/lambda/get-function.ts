import type { GetFunctionRequest, GetFunctionResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { codeLocation } from './code-location.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction, requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const getFunction: Operation<GetFunctionRequest, GetFunctionResponse> = (input, context) => {
  const store = context.runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  const fn = requireFunction(store, reference);
  const version = requireVersion(store, reference);
  return {
    Configuration: functionConfiguration(version),
    Code: { RepositoryType: 'S3', Location: codeLocation(context.runtime, version.codeSha256) },
    Tags: fn.tags,
    Concurrency: fn.reservedConcurrency === undefined ? undefined : { ReservedConcurrentExecutions: fn.reservedConcurrency },
  };
};
