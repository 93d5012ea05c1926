import type { UpdateRoleRequest, UpdateRoleResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { iamErrors } from './errors.js';

/** Changes what is given of Description and MaxSessionDuration (3600–43200, checked by the model). */
export const updateRole = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: UpdateRoleRequest, context): UpdateRoleResponse => {
      const roleName = input.RoleName as string;
      const changes = { description: input.Description, maxSessionDuration: input.MaxSessionDuration };
      if (!iam.updateRole(context.accountId, roleName, changes)) throw iamErrors.roleNotFound(roleName);
      return {};
    },
);
