import type { DeletePolicyVersionRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { DeleteConflictException } from './errors.js';
import { refuseAwsManaged, requirePolicyVersion } from './managed-policies.js';

export const deletePolicyVersion: Operation<DeletePolicyVersionRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const { policy, version } = requirePolicyVersion(context, (input.PolicyArn as string), (input.VersionId as string));
    refuseAwsManaged(context, policy, 'DeletePolicyVersion');
    if (version.versionId === policy.defaultVersionId) throw new DeleteConflictException('Cannot delete the default version of a policy.');
    iam.deletePolicyVersion(policy.arn, version.versionId);
    return {};
  });
};
