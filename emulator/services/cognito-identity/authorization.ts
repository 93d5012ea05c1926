import type { SetIdentityPoolRolesInput } from '@aws-sdk/client-cognito-identity';
import {
  checked,
  passRole,
  requestTags,
  resourceTags,
  unsigned,
  type AuthorizationScope,
  type OperationAuthorization,
  type Permission,
  type ServiceAuthorization,
} from '../../auth/authorization-spec.js';
import { AccessDenied } from '../../auth/auth-errors.js';
import type { ContextValue } from '../../auth/policy/index.js';
import { NotAuthorizedException } from './errors.js';

/**
 * What each Cognito Identity operation asks of IAM: Service Authorization Reference, "Actions, resources, and
 * condition keys for Amazon Cognito Identity"
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncognitoidentity.html).
 * Pools are `arn:${Partition}:cognito-identity:${Region}:${Account}:identitypool/${IdentityPoolId}` with
 * `aws:ResourceTag/…`. CreateIdentityPool, DeleteIdentities, DescribeIdentity, ListIdentityPools,
 * SetIdentityPoolRoles and SetPrincipalTagAttributeMap have no resource type: they are evaluated on `*`, except
 * ListIdentityPools, which AWS evaluates (and names) as `arn:aws:cognito-identity:<region>:<account>:identitypool/`
 * (captured CLI output: "…is not authorized to perform: cognito-identity:ListIdentityPools on resource:
 * arn:aws:cognito-identity:us-east-1:<account>:identitypool/"). DeleteIdentities and DescribeIdentity carry
 * `cognito-identity:IdentityPoolArn`. GetId, GetOpenIdToken, GetCredentialsForIdentity and UnlinkIdentity are
 * unsigned.
 *
 * SetIdentityPoolRoles passes its roles to Cognito: `iam:PassRole` on each (the Cognito developer guide's "Granting
 * pass role permission"; the SAR lists no dependent action). A refused role answers NotAuthorizedException "Access
 * to Role '<arn>' is forbidden." as public reports captured it (amazon-archives/aws-cognito-angular-quickstart#35,
 * danilop/LambdAuth#40). idpool always asks for it [unverified: AWS may skip it when the role's permissions do not
 * exceed the caller's], so what passes here passes on AWS.
 */
type PoolNamed = { IdentityPoolId?: string };

function poolArn(scope: AuthorizationScope, poolId: string): string {
  return `arn:${scope.partition}:cognito-identity:${scope.region}:${scope.accountId}:identitypool/${poolId}`;
}

function poolTags(scope: AuthorizationScope, poolId: string | undefined): Record<string, ContextValue> {
  return poolId === undefined ? {} : resourceTags(scope.stores.cognito.pools.find(poolId)?.tags);
}

/** The pool an identity belongs to, as `cognito-identity:IdentityPoolArn`. */
function identityPoolArns(scope: AuthorizationScope, identityIds: string[]): Record<string, ContextValue> {
  const arns = [
    ...new Set(
      identityIds.flatMap((id) => {
        const identity = scope.stores.cognito.identities.find(id);
        return identity ? [poolArn(scope, identity.poolId)] : [];
      }),
    ),
  ];
  if (arns.length === 0) return {};
  return { 'cognito-identity:IdentityPoolArn': arns.length === 1 ? (arns[0] as string) : arns };
}

function onPool<Input extends PoolNamed>(
  action: string,
  extra?: (input: Input) => Record<string, ContextValue>,
): OperationAuthorization<Input> {
  return checked<Input>([action], (input, scope) => {
    const poolId = input.IdentityPoolId as string;
    return [{ action, resource: poolArn(scope, poolId), context: { ...poolTags(scope, poolId), ...extra?.(input) } }];
  });
}

/** Tagging names the pool by its ARN. */
function onTaggedPool<Input extends { ResourceArn?: string }>(
  action: string,
  extra: (input: Input) => Record<string, ContextValue>,
): OperationAuthorization<Input> {
  return checked<Input>([action], (input, scope) => {
    const arn = input.ResourceArn as string;
    const poolId = /:identitypool\/(.+)$/.exec(arn)?.[1];
    return [{ action, resource: arn, context: { ...poolTags(scope, poolId), ...extra(input) } }];
  });
}

function onEveryResource<Input>(
  action: string,
  context?: (input: Input, scope: AuthorizationScope) => Record<string, ContextValue>,
) {
  return checked<Input>([action], (input, scope) => [{ action, resource: '*', context: context?.(input, scope) }]);
}

/** Every role ARN the request sets: the default roles and those of the mapping rules. */
function rolesSet(input: SetIdentityPoolRolesInput): string[] {
  const rules = Object.values(input.RoleMappings ?? {}).flatMap((mapping) => mapping.RulesConfiguration?.Rules ?? []);
  return [...new Set([...Object.values(input.Roles ?? {}), ...rules.map((rule) => rule.RoleARN as string)])];
}

const setIdentityPoolRoles = checked<SetIdentityPoolRolesInput>(
  ['cognito-identity:SetIdentityPoolRoles', 'iam:PassRole'],
  (input) => {
    const permissions: Permission[] = [{ action: 'cognito-identity:SetIdentityPoolRoles', resource: '*' }];
    for (const roleArn of rolesSet(input)) {
      permissions.push({
        ...passRole(roleArn, 'cognito-identity.amazonaws.com'),
        refusal: () => new NotAuthorizedException(`Access to Role '${roleArn}' is forbidden.`),
      });
    }
    return permissions;
  },
);

export const cognitoIdentityAuthorization: ServiceAuthorization = {
  prefix: 'cognito-identity',
  refusal: (message) => new AccessDenied(message),
  operations: {
    CreateIdentityPool: onEveryResource<{ IdentityPoolTags?: Record<string, string> }>(
      'cognito-identity:CreateIdentityPool',
      (input) => requestTags(input.IdentityPoolTags),
    ),
    DeleteIdentities: onEveryResource<{ IdentityIdsToDelete?: string[] }>(
      'cognito-identity:DeleteIdentities',
      (input, scope) => identityPoolArns(scope, input.IdentityIdsToDelete ?? []),
    ),
    DeleteIdentityPool: onPool('cognito-identity:DeleteIdentityPool'),
    DescribeIdentity: onEveryResource<{ IdentityId?: string }>('cognito-identity:DescribeIdentity', (input, scope) =>
      identityPoolArns(scope, [input.IdentityId as string]),
    ),
    DescribeIdentityPool: onPool('cognito-identity:DescribeIdentityPool'),
    GetCredentialsForIdentity: unsigned('cognito-identity:GetCredentialsForIdentity'),
    GetId: unsigned('cognito-identity:GetId'),
    GetIdentityPoolRoles: onPool('cognito-identity:GetIdentityPoolRoles'),
    GetOpenIdToken: unsigned('cognito-identity:GetOpenIdToken'),
    GetOpenIdTokenForDeveloperIdentity: onPool('cognito-identity:GetOpenIdTokenForDeveloperIdentity'),
    GetPrincipalTagAttributeMap: onPool('cognito-identity:GetPrincipalTagAttributeMap'),
    ListIdentities: onPool('cognito-identity:ListIdentities'),
    ListIdentityPools: checked(['cognito-identity:ListIdentityPools'], (_input, scope) => [
      { action: 'cognito-identity:ListIdentityPools', resource: poolArn(scope, '') },
    ]),
    ListTagsForResource: onTaggedPool('cognito-identity:ListTagsForResource', () => ({})),
    LookupDeveloperIdentity: onPool('cognito-identity:LookupDeveloperIdentity'),
    MergeDeveloperIdentities: onPool('cognito-identity:MergeDeveloperIdentities'),
    SetIdentityPoolRoles: setIdentityPoolRoles,
    SetPrincipalTagAttributeMap: onEveryResource('cognito-identity:SetPrincipalTagAttributeMap'),
    TagResource: onTaggedPool<{ ResourceArn?: string; Tags?: Record<string, string> }>(
      'cognito-identity:TagResource',
      (input) => requestTags(input.Tags),
    ),
    UnlinkDeveloperIdentity: onPool('cognito-identity:UnlinkDeveloperIdentity'),
    UnlinkIdentity: unsigned('cognito-identity:UnlinkIdentity'),
    UntagResource: onTaggedPool<{ ResourceArn?: string; TagKeys?: string[] }>(
      'cognito-identity:UntagResource',
      (input) => ({
        'aws:TagKeys': input.TagKeys ?? [],
      }),
    ),
    UpdateIdentityPool: onPool('cognito-identity:UpdateIdentityPool'),
  },
};
