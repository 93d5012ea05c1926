import type { PutRolePolicyRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { checkPolicyDocument, policySize, policySizeQuotas } from './policy-documents.js';
import { requireRole } from './roles.js';

/**
 * Adds or replaces an inline policy. All of a role's inline policies together may hold 10,240 characters
 * (white space not counted) [unverified: whether the policy names count too; here they do not].
 */
export const putRolePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: PutRolePolicyRequest, context): Record<string, never> => {
      const policyName = input.PolicyName as string;
      const document = input.PolicyDocument as string;
      // An unknown role is refused before a bad document.
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      checkPolicyDocument(document, 'identity', context.region);
      const limit = policySizeQuotas.roleInlinePolicies;
      const result = iam.putRolePolicy(context.accountId, role.roleName, policyName, document, {
        limit,
        size: policySize,
      });
      if (result === 'no-role') throw iamErrors.roleNotFound(role.roleName);
      if (result === 'quota-exceeded') throw iamErrors.roleInlinePoliciesTooLarge(limit, role.roleName);
      return {};
    },
);
