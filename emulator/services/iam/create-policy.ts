import type { CreatePolicyRequest, CreatePolicyResponse } from '@aws-sdk/client-iam';
import { awsIdentifier } from '../../auth/session-credentials.js';
import type { PolicyRecord } from '../../store/iam-store.js';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { maxPoliciesPerAccount, policyArn, policyView } from './managed-policies.js';
import { checkManagedPolicyDocument } from './policy-documents.js';
import { checkNoDuplicateTagKeys, toTags } from './tags.js';

/**
 * A customer managed policy with its first version, v1. Names are unique in the account whatever their case and
 * path [unverified: that another path does not make a second policy of the same name possible].
 */
export const createPolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: CreatePolicyRequest, context): CreatePolicyResponse => {
      const policyName = input.PolicyName as string;
      const document = input.PolicyDocument as string;
      checkManagedPolicyDocument(document, context.region);
      const tags = toTags(input.Tags);
      checkNoDuplicateTagKeys(tags, 'policy');

      const path = input.Path ?? '/';
      const now = context.now.getTime();
      const policy: PolicyRecord = {
        arn: policyArn(context.accountId, path, policyName, context.region),
        accountId: context.accountId,
        policyName,
        policyId: awsIdentifier('ANPA', 21),
        path,
        description: input.Description,
        defaultVersionId: 'v1',
        tags,
        createdAt: now,
        updatedAt: now,
        nextVersionNumber: 2,
      };
      const result = iam.createPolicy(policy, document, maxPoliciesPerAccount);
      if (result === 'name-taken') throw iamErrors.policyExists(policyName);
      if (result === 'quota-exceeded') throw iamErrors.quotaExceeded('PoliciesPerAccount', maxPoliciesPerAccount);
      return { Policy: policyView(policy, 0, 'create') };
    },
);
