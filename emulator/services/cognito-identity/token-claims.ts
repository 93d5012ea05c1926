import type { OpenIdTokenClaims } from '../../auth/openid-tokens.js';

/** Developer tokens live 15 minutes unless TokenDuration says otherwise; GetOpenIdToken's tokens 10 minutes. */
export const developerTokenSeconds = 900;
export const openIdTokenSeconds = 600;

/** Where AWS writes session (principal) tags in a token: `{"principal_tags": {"key": ["value"]}}`. */
const principalTagsClaim = 'https://aws.amazon.com/tags';

export type AuthenticationType = 'authenticated' | 'unauthenticated';

/**
 * The claims of a developer-authenticated identity's token, `amr` as AWS builds it:
 * `["authenticated", "<provider>", "<provider>:<poolId>:<developer user id>"]`.
 */
export function developerClaims(
  poolId: string,
  identityId: string,
  provider: string,
  userId: string,
  principalTags: Record<string, string> | undefined,
): OpenIdTokenClaims {
  const claims: OpenIdTokenClaims = {
    aud: poolId,
    sub: identityId,
    amr: ['authenticated', provider, `${provider}:${poolId}:${userId}`],
  };
  if (principalTags && Object.keys(principalTags).length > 0) {
    claims[principalTagsClaim] = {
      principal_tags: Object.fromEntries(Object.entries(principalTags).map(([key, value]) => [key, [value]])),
    };
  }
  return claims;
}

export function unauthenticatedClaims(poolId: string, identityId: string): OpenIdTokenClaims {
  return { aud: poolId, sub: identityId, amr: ['unauthenticated'] };
}

export function authenticationTypeOf(amr: readonly string[]): AuthenticationType {
  return amr.includes('authenticated') ? 'authenticated' : 'unauthenticated';
}

/** The developer provider an authenticated token's `amr` names (its second entry), if any. */
export function providerOf(amr: readonly string[]): string | undefined {
  return amr[0] === 'authenticated' ? amr[1] : undefined;
}

/** The principal tags a token carries, as session tags (the first value of each). */
export function principalTagsOf(claims: Record<string, unknown>): Record<string, string> | undefined {
  const container = claims[principalTagsClaim] as { principal_tags?: Record<string, unknown> } | undefined;
  const tags = container?.principal_tags;
  if (!tags || typeof tags !== 'object') return undefined;
  const result: Record<string, string> = {};
  for (const [key, values] of Object.entries(tags)) {
    const first: unknown = Array.isArray(values) ? values[0] : values;
    if (typeof first === 'string') result[key] = first;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
