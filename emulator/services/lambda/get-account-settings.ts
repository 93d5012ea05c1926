import type { GetAccountSettingsRequest, GetAccountSettingsResponse } from '@aws-sdk/client-lambda';
import { defineOperation } from '../service-definition.js';

/** Lambda's default quotas for an account in a region. */
export const accountLimits = {
  totalCodeSize: 80_530_636_800,
  codeSizeUnzipped: 262_144_000,
  codeSizeZipped: 52_428_800,
  concurrentExecutions: 1000,
};

export const getAccountSettings = defineOperation(
  ['lambdaStore'],
  ({ lambdaStore }) =>
    (_input: GetAccountSettingsRequest, context): GetAccountSettingsResponse => {
      const usage = lambdaStore.accountUsage(context.accountId, context.region);
      return {
        AccountLimit: {
          TotalCodeSize: accountLimits.totalCodeSize,
          CodeSizeUnzipped: accountLimits.codeSizeUnzipped,
          CodeSizeZipped: accountLimits.codeSizeZipped,
          ConcurrentExecutions: accountLimits.concurrentExecutions,
          UnreservedConcurrentExecutions: accountLimits.concurrentExecutions - usage.reservedConcurrency,
        },
        AccountUsage: { TotalCodeSize: usage.totalCodeSize, FunctionCount: usage.functionCount },
      };
    },
);
