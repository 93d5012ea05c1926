import type { Concurrency, PutFunctionConcurrencyRequest } from '@aws-sdk/client-lambda';
import type { Operation } from '../service-definition.js';
import { InvalidParameterValueException, UntypedInvalidParameterValueException } from './errors.js';
import { accountLimits } from './get-account-settings.js';
import { requireFunction } from './function-lookup.js';
import { latestQualifiedArn, parseFunctionName } from './function-names.js';

/** Lambda keeps at least this much of the account's concurrency unreserved. */
const minimumUnreserved = 100;

/**
 * Reserves concurrency for a function: it is also the function's limit, so invocations beyond it are throttled
 * with Reason ReservedFunctionConcurrentInvocationLimitExceeded (0 throttles every invocation). Errors as recorded
 * (test_function_concurrency_exceptions, test_function_concurrency_limits).
 */
export const putFunctionConcurrency: Operation<PutFunctionConcurrencyRequest, Concurrency> = (input, context) => {
  const { runtime } = context;
  const store = runtime.lambdaStore;
  const reference = parseFunctionName(input.FunctionName as string, context);
  if (reference.qualifier !== undefined) {
    throw new InvalidParameterValueException(
      'This operation is permitted on Lambda functions only. Aliases and versions do not support this operation. Please specify either a function name or an unqualified function ARN.',
    );
  }
  const reserved = input.ReservedConcurrentExecutions as number;
  runtime.db.transaction(() => {
    const fn = requireFunction(store, reference, latestQualifiedArn(reference));
    const reservedElsewhere = store.accountUsage(context.accountId, context.region).reservedConcurrency - (fn.reservedConcurrency ?? 0);
    if (accountLimits.concurrentExecutions - reservedElsewhere - reserved < minimumUnreserved) {
      throw new UntypedInvalidParameterValueException(
        `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${minimumUnreserved}].`,
      );
    }
    store.saveFunctionExtras({ ...fn, reservedConcurrency: reserved });
  });
  return { ReservedConcurrentExecutions: reserved };
};
