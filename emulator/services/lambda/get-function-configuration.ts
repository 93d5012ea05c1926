import type { FunctionConfiguration, GetFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const getFunctionConfiguration = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: GetFunctionConfigurationRequest, context): FunctionConfiguration => {
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      return functionConfiguration(requireVersion(lambdaStore, reference), {
        nowMs: context.now.getTime(),
        arn: reference.qualifier === '$LATEST' ? 'qualified' : 'default',
      });
    },
);
