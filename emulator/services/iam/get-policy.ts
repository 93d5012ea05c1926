import type { GetPolicyRequest, GetPolicyResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { policyView, requirePolicy } from './managed-policies.js';

/** A customer managed policy of the caller's account or an AWS managed policy of idpool's catalog. */
export const getPolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: GetPolicyRequest, context): GetPolicyResponse => {
      const policy = requirePolicy(iam, context.accountId, input.PolicyArn as string, 'not-found');
      return { Policy: policyView(policy, iam.attachmentCount(context.accountId, policy.arn), 'get') };
    },
);
