import type { SetDefaultPolicyVersionRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { refuseAwsManaged, requirePolicyVersion } from './managed-policies.js';

/** From now on the roles the policy is attached to get this version's permissions. */
export const setDefaultPolicyVersion = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: SetDefaultPolicyVersionRequest, context): Record<string, never> => {
      const arn = input.PolicyArn as string;
      const { policy, version } = requirePolicyVersion(iam, context.accountId, arn, input.VersionId as string);
      refuseAwsManaged(context, policy, 'SetDefaultPolicyVersion');
      iam.setDefaultPolicyVersion(policy.arn, version.versionId);
      return {};
    },
);
