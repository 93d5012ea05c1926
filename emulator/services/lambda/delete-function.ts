import type { DeleteFunctionRequest, DeleteFunctionResponse } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { InvalidParameterValueException } from './errors.js';
import { requireFunction, requireVersion } from './function-lookup.js';
import { parseFunctionName } from './function-names.js';

/** Deletes the function with all its versions, or (with a version number as qualifier) one published version. */
export const deleteFunction: Operation<DeleteFunctionRequest, DeleteFunctionResponse> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
  if (reference.qualifier === '$LATEST') {
    // [unverified] wording
    throw new InvalidParameterValueException('$LATEST version cannot be deleted without deleting the function.');
  }
  runtime.db.transaction(() => {
    if (reference.qualifier === undefined) {
      requireFunction(store, reference);
      store.deleteFunction(reference);
    } else {
      const version = requireVersion(store, reference);
      store.deleteVersion(reference, version.version);
    }
  });
  runtime.lambda.functionChanged(reference);
  return { StatusCode: 204 };
};
