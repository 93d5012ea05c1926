import type { DeletePolicyRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { refuseAwsManaged, requirePolicy } from './managed-policies.js';

/** Refused while the policy is attached, or while it has versions besides the default one. */
export const deletePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: DeletePolicyRequest, context): Record<string, never> => {
      const policy = requirePolicy(iam, context.accountId, input.PolicyArn as string, 'not-found');
      refuseAwsManaged(context, policy, 'DeletePolicy');
      const result = iam.deletePolicy(policy.arn);
      if (result === 'attached') throw iamErrors.policyAttached();
      if (result === 'has-versions') throw iamErrors.policyHasVersions();
      return {};
    },
);
