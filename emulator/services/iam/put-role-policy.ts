import type { PutRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { LimitExceededException } from './errors.js';
import { checkPolicyDocument, policySize, policySizeQuotas } from './policy-documents.js';
import { requireRole } from './roles.js';

/**
 * Adds or replaces an inline policy. All of a role's inline policies together may hold 10,240 characters
 * (white space not counted) [unverified: whether the policy names count too; here they do not].
 */
export const putRolePolicy: Operation<PutRolePolicyRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  const policyName = input.PolicyName as string;
  const document = input.PolicyDocument as string;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    checkPolicyDocument(document, 'identity', context.region);
    const others = iam.inlinePolicies(context.accountId, role.roleName).filter((policy) => policy.policyName !== policyName);
    const total = others.reduce((sum, policy) => sum + policySize(policy.document), policySize(document));
    if (total > policySizeQuotas.roleInlinePolicies) {
      throw new LimitExceededException(`Maximum policy size of ${policySizeQuotas.roleInlinePolicies} bytes exceeded for role ${role.roleName}`);
    }
    iam.putInlinePolicy(context.accountId, role.roleName, policyName, document);
    return {};
  });
};
