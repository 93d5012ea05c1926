import type { DescribeIdentityInput, IdentityDescription } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { findOwnedIdentity } from './pools.js';

/** The identity's dates and the providers of its linked logins (none for an unauthenticated identity). */
export const describeIdentity: Operation<DescribeIdentityInput, IdentityDescription> = (input, context) => {
  const { identity } = findOwnedIdentity(context, input.IdentityId as string);
  const providers = context.runtime.cognito.identities.providers(identity.seq);
  return {
    IdentityId: identity.identityId,
    Logins: providers.length > 0 ? providers : undefined,
    CreationDate: new Date(identity.createdAt),
    LastModifiedDate: new Date(identity.lastModifiedAt),
  };
};
