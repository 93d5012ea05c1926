import type { DeleteRolePolicyRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';

export const deleteRolePolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: DeleteRolePolicyRequest, context): Record<string, never> => {
      const roleName = input.RoleName as string;
      const policyName = input.PolicyName as string;
      const result = iam.deleteRolePolicy(context.accountId, roleName, policyName);
      if (result === 'no-role') throw iamErrors.roleNotFound(roleName);
      if (result === 'no-policy') throw iamErrors.rolePolicyNotFound(policyName);
      return {};
    },
);
