import type { Concurrency, PutFunctionConcurrencyRequest } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';
import { lambdaErrors } from './errors.js';
import { requireFunction } from './function-lookup.js';
import { latestQualifiedArn, parseFunctionName } from './function-names.js';
import { accountLimits } from './get-account-settings.js';

/** Lambda keeps at least this much of the account's concurrency unreserved. */
const minimumUnreserved = 100;

/**
 * Reserves concurrency for a function: it is also the function's limit, so invocations beyond it are throttled
 * with Reason ReservedFunctionConcurrentInvocationLimitExceeded (0 throttles every invocation).
 */
export const putFunctionConcurrency = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (input: PutFunctionConcurrencyRequest, context): Concurrency => {
      const reference = parseFunctionName(input.FunctionName as string, context);
      if (reference.qualifier !== undefined) throw lambdaErrors.concurrencyOnQualified();
      const reserved = input.ReservedConcurrentExecutions as number;
      const fn = requireFunction(lambdaStore, reference, latestQualifiedArn(reference));
      const usage = lambdaStore.accountUsage(context.accountId, context.region);
      const reservedElsewhere = usage.reservedConcurrency - (fn.reservedConcurrency ?? 0);
      if (accountLimits.concurrentExecutions - reservedElsewhere - reserved < minimumUnreserved) {
        throw lambdaErrors.unreservedBelowMinimum(minimumUnreserved);
      }
      lambdaStore.saveFunctionExtras({ ...fn, reservedConcurrency: reserved });
      return { ReservedConcurrentExecutions: reserved };
    },
);
