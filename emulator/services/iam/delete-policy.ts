import type { DeletePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { DeleteConflictException } from './errors.js';
import { refuseAwsManaged, requirePolicy } from './managed-policies.js';

/** Refused while the policy is attached, or while it has versions besides the default one. */
export const deletePolicy: Operation<DeletePolicyRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const policy = requirePolicy(context, (input.PolicyArn as string), 'not-found');
    refuseAwsManaged(context, policy, 'DeletePolicy');
    if (iam.isAttachedAnywhere(policy.arn)) throw new DeleteConflictException('Cannot delete a policy attached to entities.');
    if (iam.policyVersions(policy.arn).length > 1) {
      throw new DeleteConflictException(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    iam.deletePolicy(policy.arn);
    return {};
  });
};
