import type { DeleteRoleRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';

/**
 * Refused while managed policies are attached or inline policies remain, with AWS's two messages
 * [unverified: which one AWS names when both apply; attached policies are checked first, as moto does].
 */
export const deleteRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: DeleteRoleRequest, context): Record<string, never> => {
      const roleName = input.RoleName as string;
      const result = iam.deleteRole(context.accountId, roleName);
      if (result === 'no-role') throw iamErrors.roleNotFound(roleName);
      if (result === 'has-attached-policies') throw iamErrors.roleHasAttachedPolicies();
      if (result === 'has-inline-policies') throw iamErrors.roleHasInlinePolicies();
      return {};
    },
);
