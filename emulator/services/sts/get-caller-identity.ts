import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from '@aws-sdk/client-sts';
import type { Operation } from '../service-definition.js';

/**
 * Who signed the request: for the root keys the account root (`arn:aws:iam::<account>:root`, UserId the account id);
 * for temporary credentials the assumed-role ARN and `<role id>:<session name>`.
 */
export const getCallerIdentity: Operation<GetCallerIdentityRequest, GetCallerIdentityResponse> = (_input, context) => {
  const caller = context.caller;
  if (!caller) return { Account: context.accountId, Arn: `arn:aws:iam::${context.accountId}:root`, UserId: context.accountId };
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
};
