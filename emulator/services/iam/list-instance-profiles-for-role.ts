import type { ListInstanceProfilesForRoleRequest, ListInstanceProfilesForRoleResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { requireRole } from './roles.js';

/**
 * idpool has no instance profiles (CreateInstanceProfile answers UnsupportedOperation), so an existing role is in
 * none; an unknown role is NoSuchEntity, as for every role operation. The Terraform provider lists them before it
 * deletes a role.
 */
export const listInstanceProfilesForRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListInstanceProfilesForRoleRequest, context): ListInstanceProfilesForRoleResponse => {
      requireRole(iam, context.accountId, input.RoleName as string);
      return { InstanceProfiles: [], IsTruncated: false };
    },
);
