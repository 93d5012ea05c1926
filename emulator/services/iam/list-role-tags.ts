import type { ListRoleTagsRequest, ListRoleTagsResponse } from '@aws-sdk/client-iam';
import type { Operation } from '../service-definition.js';
import { nameKey, paginate } from './pagination.js';
import { requireRole } from './roles.js';

/** The role's tags by key [unverified: AWS's order, which recordings show is neither insertion nor sorted]. */
export const listRoleTags: Operation<ListRoleTagsRequest, ListRoleTagsResponse> = (input, context) => {
  const role = requireRole(context, (input.RoleName as string));
  const page = paginate(role.tags, (tag) => nameKey(tag.Key), input.Marker, input.MaxItems);
  return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
};
