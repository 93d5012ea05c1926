import type { AttachRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { LimitExceededException } from './errors.js';
import { policyArnAccount, requirePolicy } from './managed-policies.js';
import { requireRole } from './roles.js';

/**
 * Managed policies a role can have attached: the default quota (adjustable to 20 on request, per the IAM and STS
 * quotas page and AWS's knowledge center, 2025).
 */
const maxAttachedPoliciesPerRole = 10;

/** Attaching a policy the role already has changes nothing, as on AWS. */
export const attachRolePolicy: Operation<AttachRolePolicyRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  const arn = input.PolicyArn as string;
  policyArnAccount(arn);
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    const policy = requirePolicy(context, arn, 'not-attachable');
    const attached = iam.attachedPolicyArns(context.accountId, role.roleName);
    if (attached.includes(policy.arn)) return {};
    if (attached.length >= maxAttachedPoliciesPerRole) throw LimitExceededException.quota('PoliciesPerRole', maxAttachedPoliciesPerRole);
    iam.attachPolicy(context.accountId, role.roleName, policy.arn);
    return {};
  });
};
