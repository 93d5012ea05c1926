import type { ListEntitiesForPolicyRequest, ListEntitiesForPolicyResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { requirePolicy } from './managed-policies.js';
import { nameKey, paginate } from './pagination.js';

/**
 * The roles of the caller's account the policy is attached to. idpool has no IAM users or groups, and does not
 * emulate permissions boundaries, so those lists are always empty.
 */
export const listEntitiesForPolicy = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListEntitiesForPolicyRequest, context): ListEntitiesForPolicyResponse => {
      const policy = requirePolicy(iam, context.accountId, input.PolicyArn as string, 'not-attachable');
      const listsRoles =
        (input.EntityFilter === undefined || input.EntityFilter === 'Role') &&
        input.PolicyUsageFilter !== 'PermissionsBoundary';
      const prefix = input.PathPrefix ?? '/';
      const roles = listsRoles
        ? iam.rolesAttachedTo(context.accountId, policy.arn).filter((role) => role.path.startsWith(prefix))
        : [];
      const page = paginate(roles, (role) => nameKey(role.roleName), input.Marker, input.MaxItems);
      return {
        PolicyGroups: [],
        PolicyUsers: [],
        PolicyRoles: page.items.map((role) => ({ RoleName: role.roleName, RoleId: role.roleId })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
);
