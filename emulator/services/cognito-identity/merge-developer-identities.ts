import type { MergeDeveloperIdentitiesInput, MergeDeveloperIdentitiesResponse } from '@aws-sdk/client-cognito-identity';
import type { CognitoIdentities, IdentityRecord } from '../../store/cognito-identities.js';
import type { IdentityPoolRecord } from '../../store/cognito-pools.js';
import { defineOperation } from '../service-definition.js';
import { cognitoErrors, ResourceConflictException, ResourceNotFoundException } from './errors.js';
import { ownedPool } from './pools.js';

/** "The number of linked logins is limited to 20." (MergeDeveloperIdentities reference) */
const maxLinkedLogins = 20;

/**
 * Moves the source user's identity's logins onto the destination user's identity, which the answer names; the
 * source identity is left without logins (disabled). Merging a user into its own identity changes nothing.
 */
export const mergeDeveloperIdentities = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: MergeDeveloperIdentitiesInput, context): MergeDeveloperIdentitiesResponse => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      if (pool.developerProviderName === undefined || input.DeveloperProviderName !== pool.developerProviderName) {
        throw cognitoErrors.unsupportedDeveloperProvider();
      }
      const { identities } = cognito;
      const source = identityOfUser(identities, pool, input.SourceUserIdentifier as string);
      const destination = identityOfUser(identities, pool, input.DestinationUserIdentifier as string);
      if (source.seq === destination.seq) return { IdentityId: destination.identityId };

      // [unverified] wordings of both conflicts
      if (identities.loginCount(source.seq) + identities.loginCount(destination.seq) > maxLinkedLogins) {
        throw new ResourceConflictException(
          `The merged identity would have more than ${maxLinkedLogins} linked logins.`,
        );
      }
      const destinationProviders = new Set(identities.providers(destination.seq));
      const shared = identities
        .providers(source.seq)
        .find((provider) => provider !== pool.developerProviderName && destinationProviders.has(provider));
      if (shared !== undefined) throw new ResourceConflictException(`Both identities have a login from ${shared}.`);
      identities.merge(source.seq, destination.seq, context.now.getTime());
      return { IdentityId: destination.identityId };
    },
);

function identityOfUser(identities: CognitoIdentities, pool: IdentityPoolRecord, userId: string): IdentityRecord {
  const provider = pool.developerProviderName as string;
  const identity = identities.findByLogin({ poolSeq: pool.seq, provider, login: userId });
  // [unverified] wording
  if (!identity) throw new ResourceNotFoundException(`Developer user identifier '${userId}' not found.`);
  return identity;
}
