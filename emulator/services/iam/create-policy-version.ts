import type { CreatePolicyVersionRequest, CreatePolicyVersionResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { maxPolicyVersions, refuseAwsManaged, requirePolicy } from './managed-policies.js';
import { checkManagedPolicyDocument } from './policy-documents.js';

/** A new version `v<n>` (numbers are never reused); SetAsDefault makes it the one that applies. */
export const createPolicyVersion = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: CreatePolicyVersionRequest, context): CreatePolicyVersionResponse => {
      const arn = input.PolicyArn as string;
      const document = input.PolicyDocument as string;
      const policy = requirePolicy(iam, context.accountId, arn, 'not-found');
      refuseAwsManaged(context, policy, 'CreatePolicyVersion');
      checkManagedPolicyDocument(document, context.region);
      const setAsDefault = input.SetAsDefault === true;
      const result = iam.createPolicyVersion(policy.arn, document, context.now.getTime(), {
        setAsDefault,
        maxVersions: maxPolicyVersions,
      });
      if (result.kind === 'no-policy') throw iamErrors.policyNotFound(arn);
      if (result.kind === 'quota-exceeded') throw iamErrors.tooManyPolicyVersions(maxPolicyVersions);
      const { version } = result;
      return {
        PolicyVersion: {
          VersionId: version.versionId,
          IsDefaultVersion: setAsDefault,
          CreateDate: new Date(version.createdAt),
        },
      };
    },
);
