import type { LookupDeveloperIdentityInput, LookupDeveloperIdentityResponse } from '@aws-sdk/client-cognito-identity';
import type { IdentityRecord } from '../../store/cognito-identities.js';
import type { Operation } from '../service-definition.js';
import { cognitoErrors, InvalidParameterException, ResourceConflictException, ResourceNotFoundException } from './errors.js';
import { decodeCursor, encodeCursor, pageOf } from './pagination.js';
import { findOwnedIdentity, findOwnedPool } from './pools.js';

const defaultPageSize = 60;

/**
 * The identity of a developer user id, or the developer user ids of an identity (paginated). Given both, the user id
 * must belong to the identity (ResourceConflict otherwise). Either way the answer lists the identity's developer
 * user ids.
 */
export const lookupDeveloperIdentity: Operation<LookupDeveloperIdentityInput, LookupDeveloperIdentityResponse> = (input, context) => {
  const pool = findOwnedPool(context, input.IdentityPoolId as string);
  const { IdentityId: identityId, DeveloperUserIdentifier: userId } = input;
  // [unverified] wordings of the three refusals below
  if (identityId === undefined && userId === undefined) {
    throw new InvalidParameterException('Either IdentityId or DeveloperUserIdentifier must be specified.');
  }
  const provider = pool.developerProviderName;
  let identity: IdentityRecord | undefined;
  if (userId !== undefined) {
    identity = provider === undefined ? undefined : context.runtime.cognito.identities.findByLogin({ poolSeq: pool.seq, provider, login: userId });
    if (!identity) throw new ResourceNotFoundException(`Developer user identifier '${userId}' not found.`);
    if (identityId !== undefined && identity.identityId !== identityId) {
      throw new ResourceConflictException(`Developer user identifier '${userId}' is not linked to identity '${identityId}'.`);
    }
  } else {
    identity = findOwnedIdentity(context, identityId as string).identity;
    if (identity.poolSeq !== pool.seq) throw cognitoErrors.identityNotFound(identityId as string);
  }

  const scope = `developer-users:${identity.identityId}`;
  const limit = input.MaxResults ?? defaultPageSize;
  const after = decodeCursor(input.NextToken, scope, '');
  const { items, more } =
    provider === undefined ? { items: [], more: false } : pageOf(context.runtime.cognito.identities.loginsPage(identity.seq, provider, after, limit + 1), limit);
  return {
    IdentityId: identity.identityId,
    DeveloperUserIdentifierList: items,
    NextToken: more ? encodeCursor(scope, items[items.length - 1] as string) : undefined,
  };
};
