import type { CreatePolicyRequest, CreatePolicyResponse } from '@aws-sdk/client-iam';
import { awsIdentifier } from '../../auth/session-credentials.js';
import type { PolicyRecord } from '../../store/iam-store.js';
import type { Operation } from '../service-definition.js';
import { EntityAlreadyExistsException, LimitExceededException } from './errors.js';
import { maxPoliciesPerAccount, policyArn, policyView } from './managed-policies.js';
import { checkManagedPolicyDocument } from './policy-documents.js';
import { checkNoDuplicateTagKeys, toTags } from './tags.js';

/**
 * A customer managed policy with its first version, v1. Names are unique in the account whatever their case and
 * path [unverified: that another path does not make a second policy of the same name possible].
 */
export const createPolicy: Operation<CreatePolicyRequest, CreatePolicyResponse> = (input, context) => {
  const policyName = input.PolicyName as string;
  const document = input.PolicyDocument as string;
  checkManagedPolicyDocument(document, context.region);
  const tags = toTags(input.Tags);
  checkNoDuplicateTagKeys(tags, 'policy');

  const { iam } = context.runtime;
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
  return iam.db.transaction(() => {
    if (iam.findPolicyByName(context.accountId, policyName)) {
      throw new EntityAlreadyExistsException(`A policy called ${policyName} already exists. Duplicate names are not allowed.`);
    }
    if (iam.countPolicies(context.accountId) >= maxPoliciesPerAccount) throw LimitExceededException.quota('PoliciesPerAccount', maxPoliciesPerAccount);
    iam.insertPolicy(policy, document);
    return { Policy: policyView(policy, 0, 'create') };
  });
};
