import type { UpdateRoleDescriptionRequest, UpdateRoleDescriptionResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { requireRole, roleView } from './roles.js';

/**
 * The older form of UpdateRole for the description alone; it answers the role as GetRole does
 * [unverified: the members of the answered Role].
 */
export const updateRoleDescription = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: UpdateRoleDescriptionRequest, context): UpdateRoleDescriptionResponse => {
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      iam.setRoleDescription(context.accountId, role.roleName, input.Description as string);
      return { Role: roleView(requireRole(iam, context.accountId, role.roleName), 'get') };
    },
);
