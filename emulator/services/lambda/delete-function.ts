import type { DeleteFunctionRequest, DeleteFunctionResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { lambdaErrors } from './errors.js';
import { requireFunction } from './function-lookup.js';
import { functionArn, parseFunctionName } from './function-names.js';

/** A qualifier naming an alias rather than a version: letters, digits, `-`, `_`, not only digits. */
export function isAliasName(qualifier: string): boolean {
  return /^[a-zA-Z0-9_-]+$/.test(qualifier) && !/^\d+$/.test(qualifier);
}

/**
 * Deletes the function with all its versions, or (with a version number as qualifier) one published version; a
 * version that does not exist is no error (recorded: test_delete_on_nonexisting_version), a missing function is
 * "Function not found" with its unqualified ARN, an alias name is refused before anything is looked up
 * (test_function_name_and_qualifier_validation[qualifier_too_long1-delete_function]).
 */
export const deleteFunction = defineOperation(
  ['lambdaStore', 'lambda'],
  ({ lambdaStore, lambda }) =>
    (input: DeleteFunctionRequest, context): DeleteFunctionResponse => {
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      const qualifier = reference.qualifier;
      if (qualifier === '$LATEST') throw lambdaErrors.deleteLatest();
      if (qualifier !== undefined && isAliasName(qualifier)) throw lambdaErrors.deleteAlias();
      requireFunction(lambdaStore, reference, functionArn(reference));
      if (qualifier === undefined) lambdaStore.deleteFunction(reference);
      else if (lambdaStore.findVersion(reference, qualifier)) lambdaStore.deleteVersion(reference, qualifier);
      lambda.functionChanged(reference);
      return { StatusCode: 204 };
    },
);
