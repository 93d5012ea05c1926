import type { ListRoleTagsRequest, ListRoleTagsResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { nameKey, paginate } from './pagination.js';
import { requireRole } from './roles.js';

/** The role's tags by key [unverified: AWS's order, which recordings show is neither insertion nor sorted]. */
export const listRoleTags = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListRoleTagsRequest, context): ListRoleTagsResponse => {
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      const page = paginate(role.tags, (tag) => nameKey(tag.Key), input.Marker, input.MaxItems);
      return { Tags: page.items, IsTruncated: page.IsTruncated, Marker: page.Marker };
    },
);
