import type { LookupDeveloperIdentityInput, LookupDeveloperIdentityResponse } from '@aws-sdk/client-cognito-identity';
import type { IdentityRecord } from '../../store/cognito-identities.js';
import { defineOperation } from '../service-definition.js';
import {
  cognitoErrors,
  InvalidParameterException,
  ResourceConflictException,
  ResourceNotFoundException,
} from './errors.js';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';
import { ownedIdentity, ownedPool } from './pools.js';

const defaultPageSize = 60;

/**
 * The identity of a developer user id, or the developer user ids of an identity (paginated). Given both, the user id
 * must belong to the identity (ResourceConflict otherwise). Either way the answer lists the identity's developer
 * user ids.
 */
export const lookupDeveloperIdentity = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: LookupDeveloperIdentityInput, context): LookupDeveloperIdentityResponse => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      const { IdentityId: identityId, DeveloperUserIdentifier: userId } = input;
      // [unverified] wordings of the three refusals below
      if (identityId === undefined && userId === undefined) {
        throw new InvalidParameterException('Either IdentityId or DeveloperUserIdentifier must be specified.');
      }
      const provider = pool.developerProviderName;
      let identity: IdentityRecord | undefined;
      if (userId !== undefined) {
        const key = provider === undefined ? undefined : { poolSeq: pool.seq, provider, login: userId };
        identity = key && cognito.identities.findByLogin(key);
        if (!identity) throw new ResourceNotFoundException(`Developer user identifier '${userId}' not found.`);
        if (identityId !== undefined && identity.identityId !== identityId) {
          throw new ResourceConflictException(
            `Developer user identifier '${userId}' is not linked to identity '${identityId}'.`,
          );
        }
      } else {
        identity = ownedIdentity(cognito, context, identityId as string).identity;
        if (identity.poolSeq !== pool.seq) throw cognitoErrors.identityNotFound(identityId as string);
      }

      const scope = `developer-users:${identity.identityId}`;
      const limit = input.MaxResults ?? defaultPageSize;
      const after = decodeCursor(input.NextToken, scope, '');
      const { items, more } =
        provider === undefined
          ? { items: [], more: false }
          : pageOf(cognito.identities.loginsPage(identity.seq, provider, after, limit + 1), limit);
      return {
        IdentityId: identity.identityId,
        DeveloperUserIdentifierList: items,
        NextToken: more ? encodeCursor(scope, items[items.length - 1] as string) : undefined,
      };
    },
);
