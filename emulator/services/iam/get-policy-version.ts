import type { GetPolicyVersionRequest, GetPolicyVersionResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { requirePolicyVersion } from './managed-policies.js';
import { encodePolicyDocument } from './policy-documents.js';

export const getPolicyVersion: Operation<GetPolicyVersionRequest, GetPolicyVersionResponse> = (input, context) => {
  const { policy, version } = requirePolicyVersion(context, (input.PolicyArn as string), (input.VersionId as string));
  return {
    PolicyVersion: {
      Document: encodePolicyDocument(version.document),
      VersionId: version.versionId,
      IsDefaultVersion: version.versionId === policy.defaultVersionId,
      CreateDate: new Date(version.createdAt),
    },
  };
};
