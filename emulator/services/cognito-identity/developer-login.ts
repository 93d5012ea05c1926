import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import { cognitoErrors, InvalidParameterException } from './errors.js';
import { classifyLoginProvider, externalLoginUnsupported } from './login-providers.js';

/**
 * The developer user id in a signed call's `Logins` (`{"<DeveloperProviderName>": "<user id>"}`). A key that is not
 * the pool's developer provider is refused as AWS refuses it; a configured third-party provider's token cannot be
 * verified by idpool and answers UnsupportedFeature.
 */
export function developerUserIdOf(pool: IdentityPoolRecord, logins: Record<string, string>): string {
  let userId: string | undefined;
  for (const [provider, value] of Object.entries(logins)) {
    switch (classifyLoginProvider(pool, provider)) {
      case 'developer':
        userId = value;
        break;
      case 'cognito-token':
        throw cognitoErrors.cognitoTokenNotAccepted();
      case 'external':
        throw externalLoginUnsupported(provider);
      case 'unknown':
        throw cognitoErrors.unsupportedDeveloperProvider();
    }
  }
  if (userId === undefined) {
    if (pool.developerProviderName === undefined) throw cognitoErrors.unsupportedDeveloperProvider();
    // [unverified] wording
    throw new InvalidParameterException(`Logins must contain the developer provider '${pool.developerProviderName}'.`);
  }
  return userId;
}
