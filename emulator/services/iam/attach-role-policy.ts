import type { AttachRolePolicyRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { policyArnAccount, requirePolicy } from './managed-policies.js';
import { requireRole } from './roles.js';

/**
 * Managed policies a role can have attached: the default quota (adjustable to 20 on request, per the IAM and STS
 * quotas page and AWS's knowledge center, 2025).
 */
const maxAttachedPoliciesPerRole = 10;

/** Attaching a policy the role already has changes nothing, as on AWS. */
export const attachRolePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: AttachRolePolicyRequest, context): Record<string, never> => {
      const arn = input.PolicyArn as string;
      policyArnAccount(arn);
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      const policy = requirePolicy(iam, context.accountId, arn, 'not-attachable');
      const result = iam.attachRolePolicy(context.accountId, role.roleName, policy.arn, maxAttachedPoliciesPerRole);
      if (result === 'quota-exceeded') throw iamErrors.quotaExceeded('PoliciesPerRole', maxAttachedPoliciesPerRole);
      return {};
    },
);
