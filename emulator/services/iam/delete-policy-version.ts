import type { DeletePolicyVersionRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { refuseAwsManaged, requirePolicyVersion } from './managed-policies.js';

export const deletePolicyVersion = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: DeletePolicyVersionRequest, context): Record<string, never> => {
      const arn = input.PolicyArn as string;
      const { policy, version } = requirePolicyVersion(iam, context.accountId, arn, input.VersionId as string);
      refuseAwsManaged(context, policy, 'DeletePolicyVersion');
      if (iam.deletePolicyVersion(policy.arn, version.versionId) === 'default-version') {
        throw iamErrors.defaultVersionUndeletable();
      }
      return {};
    },
);
