import type { ListRolesRequest, ListRolesResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { nameKey, paginate } from './pagination.js';
import { roleView } from './roles.js';

/** The account's roles whose path starts with PathPrefix (`/` unless given), by name [unverified: AWS's order]. */
export const listRoles = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListRolesRequest, context): ListRolesResponse => {
      const prefix = input.PathPrefix ?? '/';
      const roles = iam.listRoles(context.accountId).filter((role) => role.path.startsWith(prefix));
      const page = paginate(roles, (role) => nameKey(role.roleName), input.Marker, input.MaxItems);
      return {
        Roles: page.items.map((role) => roleView(role, 'list')),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
);
