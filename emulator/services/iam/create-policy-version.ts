import type { CreatePolicyVersionRequest, CreatePolicyVersionResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { LimitExceededException } from './errors.js';
import { maxPolicyVersions, refuseAwsManaged, requirePolicy } from './managed-policies.js';
import { checkManagedPolicyDocument } from './policy-documents.js';

/** A new version `v<n>` (numbers are never reused); SetAsDefault makes it the one that applies. */
export const createPolicyVersion: Operation<CreatePolicyVersionRequest, CreatePolicyVersionResponse> = (input, context) => {
  const { iam } = context.runtime;
  const document = input.PolicyDocument as string;
  return iam.db.transaction(() => {
    const policy = requirePolicy(context, (input.PolicyArn as string), 'not-found');
    refuseAwsManaged(context, policy, 'CreatePolicyVersion');
    checkManagedPolicyDocument(document, context.region);
    if (iam.policyVersions(policy.arn).length >= maxPolicyVersions) {
      throw new LimitExceededException(
        `A managed policy can have up to ${maxPolicyVersions} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const version = iam.addPolicyVersion(policy, document, context.now.getTime());
    if (input.SetAsDefault) iam.setDefaultPolicyVersion(policy.arn, version.versionId);
    return { PolicyVersion: { VersionId: version.versionId, IsDefaultVersion: input.SetAsDefault === true, CreateDate: new Date(version.createdAt) } };
  });
};
