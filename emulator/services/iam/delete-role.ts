import type { DeleteRoleRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { DeleteConflictException } from './errors.js';
import { requireRole } from './roles.js';

/**
 * Refused while managed policies are attached or inline policies remain, with AWS's two messages
 * [unverified: which one AWS names when both apply; attached policies are checked first, as moto does].
 */
export const deleteRole: Operation<DeleteRoleRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    if (iam.attachedPolicyArns(context.accountId, role.roleName).length > 0) {
      throw new DeleteConflictException('Cannot delete entity, must detach all policies first.');
    }
    if (iam.inlinePolicies(context.accountId, role.roleName).length > 0) {
      throw new DeleteConflictException('Cannot delete entity, must delete policies first.');
    }
    iam.deleteRole(context.accountId, role.roleName);
    return {};
  });
};
