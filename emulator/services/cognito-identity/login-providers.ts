import { UnsupportedFeatureException } from '../../errors.js';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import { cognitoErrors } from './errors.js';

/** The `Logins` key under which a client passes a token this service issued. */
export const cognitoTokenProvider = 'cognito-identity.amazonaws.com';

/**
 * What a `Logins` key names for a pool:
 * - `cognito-token`: a token from GetOpenIdToken / GetOpenIdTokenForDeveloperIdentity;
 * - `developer`: the pool's developer provider (its value is a developer user id, trusted only from signed calls);
 * - `external`: a provider the pool is configured for (Facebook, Google, OIDC, SAML, a user pool) — idpool cannot
 *   verify those providers' tokens;
 * - `unknown`: anything else.
 */
export type LoginProviderKind = 'cognito-token' | 'developer' | 'external' | 'unknown';

export function classifyLoginProvider(pool: IdentityPoolRecord, provider: string): LoginProviderKind {
  if (provider === cognitoTokenProvider) return 'cognito-token';
  if (pool.developerProviderName !== undefined && provider === pool.developerProviderName) return 'developer';
  return externalLoginProviders(pool).has(provider) ? 'external' : 'unknown';
}

/** The `Logins` keys of the pool's external providers. */
function externalLoginProviders(pool: IdentityPoolRecord): Set<string> {
  const names = new Set(Object.keys(pool.supportedLoginProviders));
  for (const arn of pool.openIdConnectProviderArns) names.add(oidcProviderName(arn));
  for (const arn of pool.samlProviderArns) names.add(arn);
  for (const provider of pool.cognitoIdentityProviders) if (provider.ProviderName) names.add(provider.ProviderName);
  return names;
}

function oidcProviderName(arn: string): string {
  const marker = ':oidc-provider/';
  const at = arn.indexOf(marker);
  return at === -1 ? arn : arn.slice(at + marker.length);
}

/**
 * The keys SetIdentityPoolRoles accepts for RoleMappings: the configured providers (a user pool as
 * `<ProviderName>:<ClientId>`), and the developer provider. [unverified] Whether AWS accepts a role mapping for the
 * developer provider is not known; idpool accepts it so that rules over a developer token's claims can be tried.
 */
export function roleMappingProviders(pool: IdentityPoolRecord): Set<string> {
  const names = new Set(Object.keys(pool.supportedLoginProviders));
  for (const arn of pool.openIdConnectProviderArns) names.add(oidcProviderName(arn));
  for (const arn of pool.samlProviderArns) names.add(arn);
  for (const provider of pool.cognitoIdentityProviders) {
    if (provider.ProviderName && provider.ClientId) names.add(`${provider.ProviderName}:${provider.ClientId}`);
  }
  if (pool.developerProviderName !== undefined) names.add(pool.developerProviderName);
  return names;
}

/** A login idpool cannot verify: a configured third-party provider. */
export function externalLoginUnsupported(provider: string): UnsupportedFeatureException {
  return new UnsupportedFeatureException(
    `logins from '${provider}': idpool verifies only its own tokens (${cognitoTokenProvider}) ` +
      'and developer logins from signed calls.',
  );
}

/**
 * Refuses a login that a public operation (GetId, GetOpenIdToken, UnlinkIdentity's Logins) cannot accept: a Cognito
 * token or a developer login where a provider's token is expected, an unconfigured provider, or one idpool cannot
 * verify.
 */
export function refusePublicLogin(pool: IdentityPoolRecord, provider: string): never {
  switch (classifyLoginProvider(pool, provider)) {
    case 'cognito-token':
      throw cognitoErrors.cognitoTokenNotAccepted();
    case 'external':
      throw externalLoginUnsupported(provider);
    default:
      // [unverified] A developer provider's user id is not a token a public caller could prove.
      throw cognitoErrors.unsupportedProvider();
  }
}
