import type { ListRolePoliciesRequest, ListRolePoliciesResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { nameKey, paginate } from './pagination.js';
import { requireRole } from './roles.js';

/** The names of the role's inline policies, by name. */
export const listRolePolicies: Operation<ListRolePoliciesRequest, ListRolePoliciesResponse> = (input, context) => {
  const role = requireRole(context, (input.RoleName as string));
  const names = context.runtime.iam.inlinePolicies(context.accountId, role.roleName).map((policy) => policy.policyName);
  const page = paginate(names, (name) => nameKey(name), input.Marker, input.MaxItems);
  return { PolicyNames: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
};
