import type { CreateIdentityPoolInput, IdentityPool } from '@aws-sdk/client-cognito-identity';
import type { IdentityRecord } from '../../store/cognito-identities.js';
import type { IdentityPoolRecord, IdentityPoolSettings } from '../../store/cognito-pools.js';
import type { CognitoStore } from '../../store/cognito-store.js';
import type { CallContext, OperationContext } from '../service-definition.js';
import { cognitoErrors } from './errors.js';

/**
 * Finding pools and identities as each kind of caller may: a signed call sees the pools of its own account in the
 * region it signed for; an unsigned (public) call finds a pool or identity by its id alone, whose `REGION:` prefix
 * names the region.
 */
export function findOwnedPool(context: OperationContext, poolId: string): IdentityPoolRecord {
  const pool = context.runtime.cognito.pools.find(poolId);
  if (!pool || pool.accountId !== context.accountId || pool.region !== context.region) throw cognitoErrors.poolNotFound(poolId);
  return pool;
}

export function findPublicPool(context: OperationContext, poolId: string): IdentityPoolRecord {
  const pool = context.runtime.cognito.pools.find(poolId);
  if (!pool) throw cognitoErrors.poolNotFound(poolId);
  return pool;
}

export function findPublicIdentity(context: OperationContext, identityId: string): { identity: IdentityRecord; pool: IdentityPoolRecord } {
  const identity = context.runtime.cognito.identities.find(identityId);
  if (!identity) throw cognitoErrors.identityNotFound(identityId);
  return { identity, pool: context.runtime.cognito.pools.find(identity.poolId) as IdentityPoolRecord };
}

/** An identity of one of the caller's pools, looked up in the store an operation was given. */
export function ownedIdentity(
  cognito: CognitoStore,
  context: CallContext,
  identityId: string,
): { identity: IdentityRecord; pool: IdentityPoolRecord } {
  const identity = cognito.identities.find(identityId);
  const pool = identity && cognito.pools.find(identity.poolId);
  if (!identity || !pool || pool.accountId !== context.accountId || pool.region !== context.region) {
    throw cognitoErrors.identityNotFound(identityId);
  }
  return { identity, pool };
}

/** An identity of one of the caller's pools. */
export function findOwnedIdentity(context: OperationContext, identityId: string): { identity: IdentityRecord; pool: IdentityPoolRecord } {
  const found = findPublicIdentity(context, identityId);
  if (found.pool.accountId !== context.accountId || found.pool.region !== context.region) throw cognitoErrors.identityNotFound(identityId);
  return found;
}

export function identityPoolArn(pool: Pick<IdentityPoolRecord, 'region' | 'accountId' | 'poolId'>): string {
  return `arn:aws:cognito-identity:${pool.region}:${pool.accountId}:identitypool/${pool.poolId}`;
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
