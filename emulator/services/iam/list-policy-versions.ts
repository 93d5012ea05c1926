import type { ListPolicyVersionsRequest, ListPolicyVersionsResponse } from '@aws-sdk/client-iam';
import { defineOperation } from '../service-definition.js';
import { requirePolicy } from './managed-policies.js';
import { paginate } from './pagination.js';

/** Orders `v12` before `v9`: newest first, as AWS lists them. */
function newestFirst(versionId: string): string {
  return String(1e9 - Number.parseInt(versionId.slice(1), 10)).padStart(10, '0');
}

/** The policy's versions without their documents, newest first [unverified: AWS's wording for a missing policy]. */
export const listPolicyVersions = defineOperation(
  ['iam'],
  ({ iam }) =>
    (input: ListPolicyVersionsRequest, context): ListPolicyVersionsResponse => {
      const policy = requirePolicy(iam, context.accountId, input.PolicyArn as string, 'not-found');
      const versions = iam.policyVersions(policy.arn);
      const page = paginate(versions, (version) => newestFirst(version.versionId), input.Marker, input.MaxItems);
      return {
        Versions: page.items.map((version) => ({
          VersionId: version.versionId,
          IsDefaultVersion: version.versionId === policy.defaultVersionId,
          CreateDate: new Date(version.createdAt),
        })),
        IsTruncated: page.IsTruncated,
        Marker: page.Marker,
      };
    },
);
