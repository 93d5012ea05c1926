import type { TagRoleRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { checkNoDuplicateTagKeys, mergeTags, toTags } from './tags.js';

/** Adds tags; a key the role has already (whatever its case) takes the new value. */
export const tagRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: TagRoleRequest, context): Record<string, never> => {
      const roleName = input.RoleName as string;
      const tags = toTags(input.Tags);
      checkNoDuplicateTagKeys(tags, 'role');
      const found = iam.updateRoleTags(context.accountId, roleName, (existing) =>
        mergeTags(existing, tags, 'role', 'TagsPerRole'),
      );
      if (!found) throw iamErrors.roleNotFound(roleName);
      return {};
    },
);
