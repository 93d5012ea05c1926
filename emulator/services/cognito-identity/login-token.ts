import { decodeJwt } from 'jose/jwt/decode';
import { OpenIdTokenError, type VerifiedOpenIdToken } from '../../auth/openid-tokens.js';
import type { IdentityRecord } from '../../store/cognito-identities.js';
import type { EmulatorServices } from '../service-definition.js';
import { cognitoErrors } from './errors.js';

/**
 * Verifies a token passed as the `cognito-identity.amazonaws.com` login for an identity: signature and expiry (by
 * the emulator clock), then that it was issued for the identity's pool (`aud`) and for this identity (`sub`).
 */
export async function verifyLoginToken(
  { tokens, clock }: Pick<EmulatorServices, 'tokens' | 'clock'>,
  token: string,
  identity: IdentityRecord,
): Promise<VerifiedOpenIdToken> {
  let claims: VerifiedOpenIdToken;
  try {
    claims = await tokens.verify(token);
  } catch (error) {
    if (error instanceof OpenIdTokenError && error.reason === 'expired') {
      throw cognitoErrors.tokenExpired(clock.nowSeconds(), expiryOf(token));
    }
    throw cognitoErrors.unverifiableToken();
  }
  if (claims.aud !== identity.poolId) throw cognitoErrors.foreignToken();
  // [unverified] which message AWS gives a valid token of another identity of the same pool.
  if (claims.sub !== identity.identityId) throw cognitoErrors.identityForbidden(identity.identityId);
  return claims;
}

function expiryOf(token: string): number {
  try {
    return decodeJwt(token).exp ?? 0;
  } catch {
    return 0;
  }
}
