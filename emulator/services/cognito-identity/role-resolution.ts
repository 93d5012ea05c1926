import type { MappingRule, RoleMapping } from '@aws-sdk/client-cognito-identity';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import { cognitoErrors, InvalidIdentityPoolConfigurationException } from './errors.js';

export type RoleRequest =
  | { authenticationType: 'unauthenticated' }
  | {
      authenticationType: 'authenticated';
      /** The provider the identity authenticated with (the key of a RoleMapping). */
      provider: string | undefined;
      claims: Record<string, unknown>;
      customRoleArn: string | undefined;
    };

/**
 * The role GetCredentialsForIdentity assumes, as the Cognito developer guide's role-based access control describes
 * it: unauthenticated identities get the pool's unauthenticated role; authenticated ones the authenticated role,
 * unless a RoleMapping for their provider chooses another — `Token` from the `cognito:preferred_role` /
 * `cognito:roles` claims (CustomRoleArn picks among several), `Rules` by the first rule matching a claim — and
 * AmbiguousRoleResolution decides when the mapping cannot (`AuthenticatedRole`, or `Deny`).
 */
export function resolveRoleArn(pool: IdentityPoolRecord, request: RoleRequest): string {
  if (request.authenticationType === 'unauthenticated') return configuredRole(pool, 'unauthenticated');
  const mapping = request.provider === undefined ? undefined : pool.roleMappings[request.provider];
  if (!mapping) return configuredRole(pool, 'authenticated');
  const chosen =
    mapping.Type === 'Token'
      ? roleFromToken(request.claims, request.customRoleArn)
      : roleFromRules(mapping, request.claims);
  if (chosen !== undefined) return chosen;
  if (mapping.AmbiguousRoleResolution === 'AuthenticatedRole') return configuredRole(pool, 'authenticated');
  throw cognitoErrors.ambiguousRoleDenied(request.provider as string);
}

function configuredRole(pool: IdentityPoolRecord, kind: 'authenticated' | 'unauthenticated'): string {
  const arn = pool.roles[kind];
  if (arn === undefined) throw new InvalidIdentityPoolConfigurationException();
  return arn;
}

/** [unverified] for the details: a CustomRoleArn must be one of `cognito:roles`; one role alone is unambiguous. */
function roleFromToken(claims: Record<string, unknown>, customRoleArn: string | undefined): string | undefined {
  const roles = stringValues(claims['cognito:roles']);
  if (customRoleArn !== undefined) return roles.includes(customRoleArn) ? customRoleArn : undefined;
  const preferred = claims['cognito:preferred_role'];
  if (typeof preferred === 'string') return preferred;
  return roles.length === 1 ? roles[0] : undefined;
}

function roleFromRules(mapping: RoleMapping, claims: Record<string, unknown>): string | undefined {
  for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
    if (ruleMatches(rule, claims[rule.Claim as string])) return rule.RoleARN;
  }
  return undefined;
}

/** [unverified] A multivalued claim matches when one of its values does (NotEqual: when none equals). */
export function ruleMatches(rule: MappingRule, claim: unknown): boolean {
  const values = stringValues(claim);
  if (values.length === 0) return false;
  const expected = rule.Value as string;
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(expected);
    case 'NotEqual':
      return !values.includes(expected);
    case 'Contains':
      return values.some((value) => value.includes(expected));
    case 'StartsWith':
      return values.some((value) => value.startsWith(expected));
    default:
      return false;
  }
}

function stringValues(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (typeof claim === 'number' || typeof claim === 'boolean') return [String(claim)];
  if (Array.isArray(claim))
    return claim.filter((value) => ['string', 'number', 'boolean'].includes(typeof value)).map(String);
  return [];
}
