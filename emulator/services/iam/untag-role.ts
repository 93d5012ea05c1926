import type { UntagRoleRequest } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';
import { removeTags } from './tags.js';

/** Removes the tags with these keys (compared without case); keys the role does not have are ignored. */
export const untagRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: UntagRoleRequest, context): Record<string, never> => {
      const roleName = input.RoleName as string;
      const keys = input.TagKeys ?? [];
      const found = iam.updateRoleTags(context.accountId, roleName, (existing) => removeTags(existing, keys, 'role'));
      if (!found) throw iamErrors.roleNotFound(roleName);
      return {};
    },
);
