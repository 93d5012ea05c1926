import type { UpdateRoleDescriptionRequest, UpdateRoleDescriptionResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { requireRole, roleView } from './roles.js';

/**
 * The older form of UpdateRole for the description alone; it answers the role as GetRole does
 * [unverified: the members of the answered Role].
 */
export const updateRoleDescription: Operation<UpdateRoleDescriptionRequest, UpdateRoleDescriptionResponse> = (
  input,
  context,
) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    iam.setRoleDescription(context.accountId, role.roleName, (input.Description as string));
    return { Role: roleView(requireRole(context, role.roleName), 'get') };
  });
};
