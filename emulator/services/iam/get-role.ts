import type { GetRoleRequest, GetRoleResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { requireRole, roleView } from './roles.js';

export const getRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: GetRoleRequest, context): GetRoleResponse => ({
      Role: roleView(requireRole(iam, context.accountId, input.RoleName as string), 'get'),
    }),
);
