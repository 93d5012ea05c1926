import type { SetDefaultPolicyVersionRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { refuseAwsManaged, requirePolicyVersion } from './managed-policies.js';

/** From now on the roles the policy is attached to get this version's permissions. */
export const setDefaultPolicyVersion: Operation<SetDefaultPolicyVersionRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const { policy, version } = requirePolicyVersion(context, (input.PolicyArn as string), (input.VersionId as string));
    refuseAwsManaged(context, policy, 'SetDefaultPolicyVersion');
    iam.setDefaultPolicyVersion(policy.arn, version.versionId);
    return {};
  });
};
