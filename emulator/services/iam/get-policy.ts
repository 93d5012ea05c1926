import type { GetPolicyRequest, GetPolicyResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { policyView, requirePolicy } from './managed-policies.js';

/** A customer managed policy of the caller's account or an AWS managed policy of idpool's catalog. */
export const getPolicy: Operation<GetPolicyRequest, GetPolicyResponse> = (input, context) => {
  const policy = requirePolicy(context, (input.PolicyArn as string), 'not-found');
  return { Policy: policyView(policy, context.runtime.iam.attachmentCount(context.accountId, policy.arn), 'get') };
};
