import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from '@aws-sdk/client-sts';
import { partitionOf } from '../../partition.js';
import { defineOperation } from '../service-definition.js';

/**
 * Who signed the request: for the root keys the account root (`arn:aws:iam::<account>:root`, UserId the account id);
 * for temporary credentials the assumed-role ARN and `<role id>:<session name>`.
 */
export const getCallerIdentity = defineOperation(
  [],
  () =>
    (_input: GetCallerIdentityRequest, context): GetCallerIdentityResponse => {
      const caller = context.caller;
      const rootArn = (accountId: string) => `arn:${partitionOf(context.region)}:iam::${accountId}:root`;
      if (!caller) return { Account: context.accountId, Arn: rootArn(context.accountId), UserId: context.accountId };
      if (caller.kind === 'root') {
        return { UserId: caller.userId, Account: caller.accountId, Arn: rootArn(caller.accountId) };
      }
      return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
    },
);
