import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import { InvalidParameterException } from './errors.js';
import { roleMappingProviders } from './login-providers.js';

/**
 * The provider a principal tag map is for must be one the pool is configured with (a user pool as
 * `<ProviderName>:<ClientId>`), or its developer provider. [unverified] wording and whether AWS accepts the developer
 * provider. idpool stores the maps; it applies none, since it verifies no third-party token whose claims they map.
 */
export function checkTagMapProvider(pool: IdentityPoolRecord, providerName: string): void {
  if (!roleMappingProviders(pool).has(providerName)) {
    throw new InvalidParameterException(
      `(${providerName}) is not a configured provider of identity pool '${pool.poolId}'.`,
    );
  }
}
