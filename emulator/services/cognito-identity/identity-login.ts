import type { IdentityRecord } from '../../store/cognito-identities.js';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import type { EmulatorServices } from '../service-definition.js';
import { cognitoErrors } from './errors.js';
import { classifyLoginProvider, cognitoTokenProvider, externalLoginUnsupported } from './login-providers.js';
import { verifyLoginToken } from './login-token.js';
import { authenticationTypeOf, type AuthenticationType } from './token-claims.js';

export interface IdentityLogin {
  authenticationType: AuthenticationType;
  amr: string[];
  /** The verified token's claims; empty for an unauthenticated identity without a token. */
  claims: Record<string, unknown>;
}

/**
 * Establishes who calls a public operation for an identity from its `Logins`: nothing (an unauthenticated identity,
 * if the pool allows them) or the token GetOpenIdToken(ForDeveloperIdentity) issued for this identity under
 * `cognito-identity.amazonaws.com`. An identity that has logins, or lost them all, needs its token.
 */
export async function identityLogin(
  services: Pick<EmulatorServices, 'cognito' | 'tokens' | 'clock'>,
  pool: IdentityPoolRecord,
  identity: IdentityRecord,
  logins: Record<string, string>,
): Promise<IdentityLogin> {
  for (const provider of Object.keys(logins)) {
    switch (classifyLoginProvider(pool, provider)) {
      case 'cognito-token':
        break;
      case 'developer':
        // Seen when a client passes its developer token under the developer provider's name.
        throw cognitoErrors.cognitoTokenNotAccepted();
      case 'external':
        throw externalLoginUnsupported(provider);
      case 'unknown':
        throw cognitoErrors.unsupportedProvider();
    }
  }
  const token = logins[cognitoTokenProvider];
  if (identity.disabled) throw cognitoErrors.identityForbidden(identity.identityId);
  if (token === undefined) {
    const linked = services.cognito.identities.loginCount(identity.seq) > 0;
    if (linked) throw cognitoErrors.identityForbidden(identity.identityId);
    if (!pool.allowUnauthenticatedIdentities) throw cognitoErrors.unauthenticatedNotSupported();
    return { authenticationType: 'unauthenticated', amr: ['unauthenticated'], claims: {} };
  }
  const claims = await verifyLoginToken(services, token, identity);
  const authenticationType = authenticationTypeOf(claims.amr);
  if (authenticationType === 'unauthenticated' && !pool.allowUnauthenticatedIdentities) {
    throw cognitoErrors.unauthenticatedNotSupported();
  }
  return { authenticationType, amr: claims.amr, claims };
}
