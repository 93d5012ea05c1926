import type { ListAttachedRolePoliciesRequest, ListAttachedRolePoliciesResponse } from '@aws-sdk/client-iam';
import type { PolicyRecord } from '../../store/iam-store.js';
import { defineOperation } from '../service-definition.js';
import { nameKey, paginate } from './pagination.js';
import { requireRole } from './roles.js';

/** The managed policies attached to the role whose path starts with PathPrefix, by name. */
export const listAttachedRolePolicies = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListAttachedRolePoliciesRequest, context): ListAttachedRolePoliciesResponse => {
      const role = requireRole(iam, context.accountId, input.RoleName as string);
      const prefix = input.PathPrefix ?? '/';
      const policies = iam
        .attachedPolicyArns(context.accountId, role.roleName)
        .map((arn) => iam.findPolicy(arn))
        .filter((policy): policy is PolicyRecord => policy?.path.startsWith(prefix) === true);
      const sortKey = (policy: PolicyRecord) => nameKey(policy.policyName, policy.policyId);
      const page = paginate(policies, sortKey, input.Marker, input.MaxItems);
      return {
        AttachedPolicies: page.items.map((policy) => ({ PolicyName: policy.policyName, PolicyArn: policy.arn })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
);
