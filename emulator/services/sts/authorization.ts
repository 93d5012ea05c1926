import type { AssumeRoleRequest } from '@aws-sdk/client-sts';
import {
  checked,
  requestTags,
  resourceTags,
  tagMap,
  unsigned,
  type Permission,
  type ResourcePolicy,
  type ServiceAuthorization,
} from '../../auth/authorization-spec.js';
import { AccessDenied } from '../../auth/auth-errors.js';
import type { ContextValue } from '../../auth/policy/index.js';
import { storedPolicy } from '../../auth/stored-policies.js';

/**
 * What each STS operation asks of IAM: Service Authorization Reference, "Actions, resources, and condition keys for
 * AWS Security Token Service"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).
 * AssumeRole is `sts:AssumeRole` on the role (`arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`) with
 * `sts:ExternalId`, `sts:RoleSessionName`, `aws:RequestTag/…` and `aws:TagKeys`, decided by the role's trust policy
 * together with the caller's own policies; Tags need `sts:TagSession` too. GetCallerIdentity needs no permission
 * ("No permissions are required to perform this operation", STS API Reference). AssumeRoleWithWebIdentity is unsigned.
 */
const assumeRole = checked<AssumeRoleRequest>(['sts:AssumeRole', 'sts:TagSession'], (input, scope) => {
  const roleArn = input.RoleArn as string;
  const role = scope.stores.iam.findRoleByArn(roleArn);
  const trust: ResourcePolicy = {
    // A role that does not exist trusts no one: refused as a trust policy refuses.
    document: (role && storedPolicy(role.assumeRolePolicy, 'trust')) || { Version: '2012-10-17', Statement: [] },
    kind: 'trust',
    owner: roleArn,
    accountId: role?.accountId ?? scope.accountId,
  };
  const tags = input.Tags && input.Tags.length > 0 ? tagMap(input.Tags) : undefined;
  const roleKeys = resourceTags(tagMap(role?.tags), 'iam');
  const context: Record<string, ContextValue> = {
    ...roleKeys,
    ...requestTags(tags),
    'sts:RoleSessionName': input.RoleSessionName as string,
  };
  if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId;
  const permissions: Permission[] = [{ action: 'sts:AssumeRole', resource: roleArn, context, resourcePolicy: trust }];
  if (tags)
    permissions.push({
      action: 'sts:TagSession',
      resource: roleArn,
      context: { ...roleKeys, ...requestTags(tags) },
      resourcePolicy: trust,
    });
  return permissions;
});

export const stsAuthorization: ServiceAuthorization = {
  prefix: 'sts',
  refusal: (message) => new AccessDenied(message),
  operations: {
    AssumeRole: assumeRole,
    AssumeRoleWithWebIdentity: unsigned('sts:AssumeRoleWithWebIdentity'),
    GetCallerIdentity: {
      kind: 'not-authorized',
      actions: ['sts:GetCallerIdentity'],
      reason: 'No permissions are required to perform this operation, even with an explicit deny (STS API Reference).',
    },
  },
};
