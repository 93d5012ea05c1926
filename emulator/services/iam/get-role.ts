import type { GetRoleRequest, GetRoleResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { requireRole, roleView } from './roles.js';

export const getRole: Operation<GetRoleRequest, GetRoleResponse> = (input, context) => ({
  Role: roleView(requireRole(context, (input.RoleName as string)), 'get'),
});
