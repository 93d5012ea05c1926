import type { CreateIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { IdentityRecord } from '../../store/cognito-identities.js';
import type { IdentityPoolRecord, IdentityPoolSettings } from '../../store/cognito-pools.js';
import type { CognitoStore } from '../../store/cognito-store.js';
import type { CallContext } from '../service-definition.js';
import { cognitoErrors } from './errors.js';

/** Where a signed call stands: the account it authenticated as, in the region it signed for. */
export type CallerScope = Pick<CallContext, 'accountId' | 'region'>;

/**
 * Finding pools and identities as each kind of caller may: a signed call sees the pools of its own account in the
 * region it signed for; an unsigned (public) call finds a pool or identity by its id alone, whose `REGION:` prefix
 * names the region.
 */
export function ownedPool(cognito: CognitoStore, scope: CallerScope, poolId: string): IdentityPoolRecord {
  const pool = cognito.pools.find(poolId);
  if (!pool || pool.accountId !== scope.accountId || pool.region !== scope.region) {
    throw cognitoErrors.poolNotFound(poolId);
  }
  return pool;
}

export function publicPool(cognito: CognitoStore, poolId: string): IdentityPoolRecord {
  const pool = cognito.pools.find(poolId);
  if (!pool) throw cognitoErrors.poolNotFound(poolId);
  return pool;
}

export function publicIdentity(
  cognito: CognitoStore,
  identityId: string,
): { identity: IdentityRecord; pool: IdentityPoolRecord } {
  const identity = cognito.identities.find(identityId);
  if (!identity) throw cognitoErrors.identityNotFound(identityId);
  return { identity, pool: cognito.pools.find(identity.poolId) as IdentityPoolRecord };
}

/** An identity of one of the caller's pools. */
export function ownedIdentity(
  cognito: CognitoStore,
  scope: CallerScope,
  identityId: string,
): { identity: IdentityRecord; pool: IdentityPoolRecord } {
  const identity = cognito.identities.find(identityId);
  const pool = identity && cognito.pools.find(identity.poolId);
  if (!identity || !pool || pool.accountId !== scope.accountId || pool.region !== scope.region) {
    throw cognitoErrors.identityNotFound(identityId);
  }
  return { identity, pool };
}

/**
 * The pool as CreateIdentityPool, DescribeIdentityPool and UpdateIdentityPool answer it: as captured AWS CLI output
 * shows, empty provider lists and maps and a never-set AllowClassicFlow are left out; IdentityPoolTags is always there.
 */
export function describePool(pool: IdentityPoolRecord): IdentityPool {
  return {
    IdentityPoolId: pool.poolId,
    IdentityPoolName: pool.name,
    AllowUnauthenticatedIdentities: pool.allowUnauthenticatedIdentities,
    AllowClassicFlow: pool.allowClassicFlow,
    SupportedLoginProviders: nonEmptyMap(pool.supportedLoginProviders),
    DeveloperProviderName: pool.developerProviderName,
    OpenIdConnectProviderARNs: nonEmptyList(pool.openIdConnectProviderArns),
    CognitoIdentityProviders: nonEmptyList(pool.cognitoIdentityProviders),
    SamlProviderARNs: nonEmptyList(pool.samlProviderArns),
    IdentityPoolTags: pool.tags,
  };
}

function nonEmptyList<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function nonEmptyMap<T>(map: Record<string, T>): Record<string, T> | undefined {
  return Object.keys(map).length > 0 ? map : undefined;
}

/** The settings CreateIdentityPool and UpdateIdentityPool take; what is not given takes its default. */
export function poolSettings(input: Omit<CreateIdentityPoolInput, 'IdentityPoolTags'>): IdentityPoolSettings {
  return {
    name: input.IdentityPoolName as string,
    allowUnauthenticatedIdentities: input.AllowUnauthenticatedIdentities as boolean,
    allowClassicFlow: input.AllowClassicFlow,
    developerProviderName: input.DeveloperProviderName,
    supportedLoginProviders: input.SupportedLoginProviders ?? {},
    openIdConnectProviderArns: input.OpenIdConnectProviderARNs ?? [],
    cognitoIdentityProviders: input.CognitoIdentityProviders ?? [],
    samlProviderArns: input.SamlProviderARNs ?? [],
  };
}
