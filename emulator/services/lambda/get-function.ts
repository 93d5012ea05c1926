import type { GetFunctionRequest, GetFunctionResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireFunction, requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/** A function without tags has no Tags member (recorded: test_function_lifecycle::get_function_response). */
export const getFunction = defineOperation(
  ['lambdaStore', 'lambdaCode'],
  ({ lambdaStore, lambdaCode }) =>
    (input: GetFunctionRequest, context): GetFunctionResponse => {
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      const fn = requireFunction(lambdaStore, reference);
      const version = requireVersion(lambdaStore, reference);
      const arn = reference.qualifier === '$LATEST' ? 'qualified' : 'default';
      const concurrency = fn.reservedConcurrency;
      return {
        Configuration: functionConfiguration(version, { nowMs: context.now.getTime(), arn }),
        Code: { RepositoryType: 'S3', Location: lambdaCode.location(version.codeSha256) },
        Tags: Object.keys(fn.tags).length > 0 ? fn.tags : undefined,
        Concurrency: concurrency === undefined ? undefined : { ReservedConcurrentExecutions: concurrency },
      };
    },
);
