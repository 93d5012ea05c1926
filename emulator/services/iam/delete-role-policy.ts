import type { DeleteRolePolicyRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { NoSuchEntityException } from './errors.js';
import { requireRole } from './roles.js';

export const deleteRolePolicy: Operation<DeleteRolePolicyRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    if (!iam.deleteInlinePolicy(context.accountId, role.roleName, (input.PolicyName as string))) throw NoSuchEntityException.rolePolicy((input.PolicyName as string));
    return {};
  });
};
