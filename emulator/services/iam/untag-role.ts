import type { UntagRoleRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { requireRole } from './roles.js';
import { removeTags } from './tags.js';

/** Removes the tags with these keys (compared without case); keys the role does not have are ignored. */
export const untagRole: Operation<UntagRoleRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    iam.setRoleTags(context.accountId, role.roleName, removeTags(role.tags, input.TagKeys ?? [], 'role'));
    return {};
  });
};
