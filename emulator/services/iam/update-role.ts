import type { UpdateRoleRequest, UpdateRoleResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { requireRole } from './roles.js';

/** Changes what is given of Description and MaxSessionDuration (3600–43200, checked by the model). */
export const updateRole: Operation<UpdateRoleRequest, UpdateRoleResponse> = (input, context) => {
  const { iam } = context.runtime;
  return iam.db.transaction(() => {
    const role = requireRole(context, (input.RoleName as string));
    if (input.Description !== undefined) iam.setRoleDescription(context.accountId, role.roleName, input.Description);
    if (input.MaxSessionDuration !== undefined) iam.setRoleMaxSessionDuration(context.accountId, role.roleName, input.MaxSessionDuration);
    return {};
  });
};
