import type { UnlinkDeveloperIdentityInput } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { cognitoErrors, ResourceConflictException, ResourceNotFoundException } from './errors.js';
import { ownedIdentity, ownedPool } from './pools.js';

/**
 * Unlinks a developer user id from its identity; the user gets a new identity the next time it is seen. An identity
 * left without logins becomes inaccessible (disabled).
 */
export const unlinkDeveloperIdentity = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: UnlinkDeveloperIdentityInput, context): void => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      if (pool.developerProviderName === undefined || input.DeveloperProviderName !== pool.developerProviderName) {
        throw cognitoErrors.unsupportedDeveloperProvider();
      }
      const { identity } = ownedIdentity(cognito, context, input.IdentityId as string);
      if (identity.poolSeq !== pool.seq) throw cognitoErrors.identityNotFound(identity.identityId);
      const login = input.DeveloperUserIdentifier as string;
      const key = { poolSeq: pool.seq, provider: pool.developerProviderName, login };
      const owner = cognito.identities.findByLogin(key);
      // [unverified] wordings
      if (!owner) throw new ResourceNotFoundException(`Developer user identifier '${key.login}' not found.`);
      if (owner.seq !== identity.seq) {
        throw new ResourceConflictException(
          `Developer user identifier '${key.login}' is not linked to identity '${identity.identityId}'.`,
        );
      }
      cognito.identities.unlink(key, identity.seq, context.now.getTime());
    },
);
