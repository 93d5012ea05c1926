import type { ListPoliciesRequest, ListPoliciesResponse } from '@aws-sdk/client-iam';
import { awsManagedAccount } from '../../store/aws-managed-policies.js';
import { defineOperation } from '../service-definition.js';
import { policyView } from './managed-policies.js';
import { nameKey, paginate } from './pagination.js';

/**
 * The account's customer managed policies (Scope Local), idpool's AWS managed ones (Scope AWS) or both (All, the
 * default), by name [unverified: AWS's order]. OnlyAttached keeps the attached ones; as permissions boundaries are
 * not emulated, PolicyUsageFilter PermissionsBoundary with OnlyAttached keeps none.
 */
export const listPolicies = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListPoliciesRequest, context): ListPoliciesResponse => {
      const scope = input.Scope ?? 'All';
      const prefix = input.PathPrefix ?? '/';
      const keepsAttached = (attachments: number) =>
        !input.OnlyAttached || (attachments > 0 && input.PolicyUsageFilter !== 'PermissionsBoundary');
      const counted = iam
        .listPolicies(context.accountId, awsManagedAccount)
        .filter((policy) => scope === 'All' || (scope === 'AWS') === (policy.accountId === awsManagedAccount))
        .filter((policy) => policy.path.startsWith(prefix))
        .map((policy) => ({ policy, attachments: iam.attachmentCount(context.accountId, policy.arn) }))
        .filter(({ attachments }) => keepsAttached(attachments));
      const sortKey = ({ policy }: (typeof counted)[number]) => nameKey(policy.policyName, policy.policyId);
      const page = paginate(counted, sortKey, input.Marker, input.MaxItems);
      return {
        Policies: page.items.map(({ policy, attachments }) => policyView(policy, attachments, 'list')),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
);
