import type { GetFunctionCodeSigningConfigRequest, GetFunctionCodeSigningConfigResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { requireFunction } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/**
 * Code signing configurations are not emulated (CreateCodeSigningConfig answers UnsupportedOperation), so no function
 * has one. The Terraform provider reads this for every zip function. Both members are required by the model; an
 * empty ARN for a function without configuration is [unverified]. An unknown function is ResourceNotFoundException
 * "Function not found: <arn>" (LocalStack's AWS recording
 * `test_ops_on_nonexisting_fn[get_function_code_signing_config]`).
 */
export const getFunctionCodeSigningConfig = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: GetFunctionCodeSigningConfigRequest, context): GetFunctionCodeSigningConfigResponse => {
      const fn = requireFunction(lambdaStore, parseFunctionName(input.FunctionName as string, context));
      return { CodeSigningConfigArn: '', FunctionName: fn.name };
    },
);
