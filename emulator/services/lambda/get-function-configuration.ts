import type { FunctionConfiguration, GetFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { functionConfiguration } from './function-configuration.js';
import { requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

export const getFunctionConfiguration: Operation<GetFunctionConfigurationRequest, FunctionConfiguration> = (input, context) => {
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  return functionConfiguration(requireVersion(context.runtime.lambdaStore, reference), {
    nowMs: context.now.getTime(),
    arn: reference.qualifier === '$LATEST' ? 'qualified' : 'default',
  });
};
