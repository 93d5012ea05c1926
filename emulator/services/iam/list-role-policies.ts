import type { ListRolePoliciesRequest, ListRolePoliciesResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { nameKey, paginate } from './pagination.js';
import { requireRole } from './roles.js';

/** The names of the role's inline policies, by name. */
export const listRolePolicies = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListRolePoliciesRequest, context): ListRolePoliciesResponse => {
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      const names = iam.inlinePolicies(context.accountId, role.roleName).map((policy) => policy.policyName);
      const page = paginate(names, (name) => nameKey(name), input.Marker, input.MaxItems);
      return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
);
