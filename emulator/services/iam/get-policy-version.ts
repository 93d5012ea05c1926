import type { GetPolicyVersionRequest, GetPolicyVersionResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { requirePolicyVersion } from './managed-policies.js';
import { encodePolicyDocument } from './policy-documents.js';

export const getPolicyVersion = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: GetPolicyVersionRequest, context): GetPolicyVersionResponse => {
      const arn = input.PolicyArn as string;
      const { policy, version } = requirePolicyVersion(iam, context.accountId, arn, input.VersionId as string);
      return {
        PolicyVersion: {
          Document: encodePolicyDocument(version.document),
          VersionId: version.versionId,
          IsDefaultVersion: version.versionId === policy.defaultVersionId,
          CreateDate: new Date(version.createdAt),
        },
      };
    },
);
