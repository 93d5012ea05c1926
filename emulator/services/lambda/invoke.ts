import type { InvocationRequest, InvocationResponse } from '@aws-sdk/client-lambda';
import { UnsupportedFeatureException } from '../../errors.js';
import { defineOperation } from '../service-definition.js';
import { requireVersion } from './function-lookup.js';
import { latestQualifiedArn, parseFunctionName } from './function-names.js';
import { refuseInvokeWhilePending } from './function-states.js';

/**
 * RequestResponse runs the function and answers its result (200, `X-Amz-Function-Error: Unhandled` when it failed);
 * Event queues it and answers 202 at once; DryRun only checks that the function exists and answers 204.
 * The invocation's id (the handler's `context.awsRequestId`) is the response's x-amzn-RequestId, as on Lambda.
 * A missing function is named with `:$LATEST` when unqualified (recorded); a Pending one is not invoked.
 */
export const invoke = defineOperation(
  ['lambdaStore', 'lambda'],
  ({ lambdaStore, lambda }) =>
    async (input: InvocationRequest, context): Promise<InvocationResponse> => {
      const invocationType = input.InvocationType ?? 'RequestResponse';
      if (input.DurableExecutionName !== undefined) {
        throw new UnsupportedFeatureException('durable executions (X-Amz-Durable-Execution-Name)');
      }
      if (input.TenantId !== undefined) throw new UnsupportedFeatureException('tenant isolation (X-Amz-Tenant-Id)');
      const reference = parseFunctionName(input.FunctionName as string, context, input.Qualifier);
      const version = requireVersion(lambdaStore, reference, latestQualifiedArn(reference));
      refuseInvokeWhilePending(version, context.now.getTime());
      if (invocationType === 'DryRun') return { StatusCode: 204 };
      const result = await lambda.invoke(context.accountId, context.region, {
        functionName: input.FunctionName as string,
        qualifier: input.Qualifier,
        payload: input.Payload ?? new Uint8Array(),
        invocationType,
        logType: input.LogType,
        requestId: context.requestId,
        clientContext: input.ClientContext,
      });
      return {
        StatusCode: result.statusCode,
        Payload: result.payload,
        FunctionError: result.functionError,
        LogResult: result.logResult,
        ExecutedVersion: invocationType === 'Event' ? undefined : result.executedVersion,
      };
    },
);
