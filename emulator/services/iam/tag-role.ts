import type { TagRoleRequest } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { requireRole } from './roles.js';
import { checkNoDuplicateTagKeys, mergeTags, toTags } from './tags.js';

/** Adds tags; a key the role has already (whatever its case) takes the new value. */
export const tagRole: Operation<TagRoleRequest, Record<string, never>> = (input, context) => {
  const { iam } = context.runtime;
  const tags = toTags(input.Tags);
  checkNoDuplicateTagKeys(tags, 'role');
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    iam.setRoleTags(context.accountId, role.roleName, mergeTags(role.tags, tags, 'role', 'TagsPerRole'));
    return {};
  });
};
