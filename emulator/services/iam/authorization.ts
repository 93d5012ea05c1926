import type { Tag } from '@aws-sdk/client-iam';
import {
  checked,
  requestTags,
  resourceTags,
  tagMap,
  type AuthorizationScope,
  type OperationAuthorization,
  type Permission,
  type ServiceAuthorization,
} from '../../auth/authorization-spec.js';
import { AccessDenied } from '../../auth/auth-errors.js';
import type { ContextValue } from '../../auth/policy/index.js';

/**
 * What each IAM operation asks of IAM: Service Authorization Reference, "Actions, resources, and condition keys for
 * AWS Identity and Access Management"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html):
 * roles are `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}` with `aws:ResourceTag/…` and
 * `iam:ResourceTag/…`, policies `arn:${Partition}:iam::${Account}:policy/${PolicyNameWithPath}` with
 * `aws:ResourceTag/…`; ListRoles and ListPolicies have no resource type.
 *
 * IAM's refusals name the resource its own way, as captured from real AWS (public CLI and SDK output, 2020–2026):
 * `role <name>` for GetRole, DeleteRole, PutRolePolicy, AttachRolePolicy, DetachRolePolicy, ListRolePolicies,
 * ListAttachedRolePolicies, ListRoleTags, UpdateAssumeRolePolicy and ListInstanceProfilesForRole; the role's ARN for
 * CreateRole and TagRole; `policy <arn>` for GetPolicy and CreatePolicyVersion, `policy <name>` for CreatePolicy,
 * `arn:aws:iam::<account>:role/` for ListRoles and `policy path /` for ListPolicies. The other operations follow the
 * nearest captured one [unverified].
 */
type RoleNamed = { RoleName?: string };
type PolicyNamed = { PolicyArn?: string };

/** How a refusal names a role: by `role <name>`, or by its ARN. */
type RoleNaming = 'name' | 'arn';

interface RoleOptions {
  naming?: RoleNaming;
  /** The action defines `iam:PermissionsBoundary` (the role's boundary). */
  boundary?: boolean;
}

function roleArn(scope: AuthorizationScope, roleName: string, path = '/'): string {
  return `arn:${scope.partition}:iam::${scope.accountId}:role${path}${roleName}`;
}

function rolePermission(action: string, roleName: string, scope: AuthorizationScope, options: RoleOptions): Permission {
  const role = scope.stores.iam.findRole(scope.accountId, roleName);
  const context: Record<string, ContextValue> = resourceTags(tagMap(role?.tags), 'iam');
  if (options.boundary && role?.permissionsBoundary) context['iam:PermissionsBoundary'] = role.permissionsBoundary;
  return {
    action,
    resource: role?.arn ?? roleArn(scope, roleName),
    named: (options.naming ?? 'name') === 'name' ? `role ${roleName}` : undefined,
    context,
  };
}

/** An action on the role the input names. */
function onRole<Input extends RoleNamed>(
  action: string,
  options: RoleOptions & { context?: (input: Input) => Record<string, ContextValue> } = {},
): OperationAuthorization<Input> {
  return checked<Input>([action], (input, scope) => {
    const permission = rolePermission(action, input.RoleName as string, scope, options);
    return [{ ...permission, context: { ...permission.context, ...options.context?.(input) } }];
  });
}

/** An action on the managed policy the input names; refusals say `policy <arn>`. */
function onPolicy<Input extends PolicyNamed>(action: string): OperationAuthorization<Input> {
  return checked<Input>([action], (input, scope) => {
    const arn = input.PolicyArn as string;
    const policy = scope.stores.iam.findPolicy(arn);
    return [{ action, resource: arn, named: `policy ${arn}`, context: resourceTags(tagMap(policy?.tags)) }];
  });
}

function tagsOf(tags: Tag[] | undefined): Record<string, string> | undefined {
  return tags && tags.length > 0 ? tagMap(tags) : undefined;
}

type CreateRoleInput = { RoleName?: string; Path?: string; Tags?: Tag[]; PermissionsBoundary?: string };
type CreatePolicyInput = { PolicyName?: string; Path?: string; Tags?: Tag[] };

/**
 * CreateRole with Tags also needs `iam:TagRole` on the new role (captured: "operation error IAM: CreateRole, …
 * is not authorized to perform: iam:TagRole on resource: arn:aws:iam::…:role/…"); CreatePolicy with Tags
 * `iam:TagPolicy` likewise [unverified].
 */
const createRole = checked<CreateRoleInput>(['iam:CreateRole', 'iam:TagRole'], (input, scope) => {
  const resource = roleArn(scope, input.RoleName as string, input.Path ?? '/');
  const tags = requestTags(tagsOf(input.Tags));
  const context: Record<string, ContextValue> = { ...tags };
  if (input.PermissionsBoundary) context['iam:PermissionsBoundary'] = input.PermissionsBoundary;
  const permissions: Permission[] = [{ action: 'iam:CreateRole', resource, context }];
  if (tagsOf(input.Tags)) permissions.push({ action: 'iam:TagRole', resource, context: tags });
  return permissions;
});

const createPolicy = checked<CreatePolicyInput>(['iam:CreatePolicy', 'iam:TagPolicy'], (input, scope) => {
  const resource = `arn:${scope.partition}:iam::${scope.accountId}:policy${input.Path ?? '/'}${input.PolicyName}`;
  const context = requestTags(tagsOf(input.Tags));
  const permissions: Permission[] = [
    { action: 'iam:CreatePolicy', resource, named: `policy ${input.PolicyName}`, context },
  ];
  if (tagsOf(input.Tags))
    permissions.push({ action: 'iam:TagPolicy', resource, named: `policy ${input.PolicyName}`, context });
  return permissions;
});

const policyArn = (input: RoleNamed & { PolicyArn?: string }) => ({ 'iam:PolicyARN': input.PolicyArn as string });

export const iamAuthorization: ServiceAuthorization = {
  prefix: 'iam',
  refusal: (message) => new AccessDenied(message),
  operations: {
    CreateRole: createRole,
    GetRole: onRole('iam:GetRole', { boundary: true }),
    ListRoles: checked<{ PathPrefix?: string }>(['iam:ListRoles'], (input, scope) => [
      { action: 'iam:ListRoles', resource: roleArn(scope, '', input.PathPrefix ?? '/') },
    ]),
    DeleteRole: onRole('iam:DeleteRole', { boundary: true }),
    UpdateAssumeRolePolicy: onRole('iam:UpdateAssumeRolePolicy', { boundary: true }),
    UpdateRole: onRole('iam:UpdateRole', { boundary: true }),
    UpdateRoleDescription: onRole('iam:UpdateRoleDescription', { boundary: true }),
    TagRole: onRole<RoleNamed & { Tags?: Tag[] }>('iam:TagRole', {
      naming: 'arn',
      context: (input) => requestTags(tagMap(input.Tags)),
    }),
    UntagRole: onRole<RoleNamed & { TagKeys?: string[] }>('iam:UntagRole', {
      naming: 'arn',
      context: (input) => ({ 'aws:TagKeys': input.TagKeys ?? [] }),
    }),
    ListRoleTags: onRole('iam:ListRoleTags'),
    ListInstanceProfilesForRole: onRole('iam:ListInstanceProfilesForRole'),
    PutRolePolicy: onRole('iam:PutRolePolicy', { boundary: true }),
    GetRolePolicy: onRole('iam:GetRolePolicy'),
    ListRolePolicies: onRole('iam:ListRolePolicies'),
    DeleteRolePolicy: onRole('iam:DeleteRolePolicy', { boundary: true }),
    AttachRolePolicy: onRole<RoleNamed & { PolicyArn?: string }>('iam:AttachRolePolicy', {
      boundary: true,
      context: policyArn,
    }),
    DetachRolePolicy: onRole<RoleNamed & { PolicyArn?: string }>('iam:DetachRolePolicy', {
      boundary: true,
      context: policyArn,
    }),
    ListAttachedRolePolicies: onRole('iam:ListAttachedRolePolicies'),
    CreatePolicy: createPolicy,
    GetPolicy: onPolicy('iam:GetPolicy'),
    DeletePolicy: onPolicy('iam:DeletePolicy'),
    ListPolicies: checked<{ PathPrefix?: string }>(['iam:ListPolicies'], (input) => [
      { action: 'iam:ListPolicies', resource: '*', named: `policy path ${input.PathPrefix ?? '/'}` },
    ]),
    CreatePolicyVersion: onPolicy('iam:CreatePolicyVersion'),
    GetPolicyVersion: onPolicy('iam:GetPolicyVersion'),
    ListPolicyVersions: onPolicy('iam:ListPolicyVersions'),
    DeletePolicyVersion: onPolicy('iam:DeletePolicyVersion'),
    SetDefaultPolicyVersion: onPolicy('iam:SetDefaultPolicyVersion'),
    ListEntitiesForPolicy: onPolicy('iam:ListEntitiesForPolicy'),
  },
};
