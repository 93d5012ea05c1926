import type { DescribeIdentityInput, IdentityDescription } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { ownedIdentity } from './pools.js';

/** The identity's dates and the providers of its linked logins (none for an unauthenticated identity). */
export const describeIdentity = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: DescribeIdentityInput, context): IdentityDescription => {
      const { identity } = ownedIdentity(cognito, context, input.IdentityId as string);
      const providers = cognito.identities.providers(identity.seq);
      return {
        IdentityId: identity.identityId,
        Logins: providers.length > 0 ? providers : undefined,
        CreationDate: new Date(identity.createdAt),
        LastModifiedDate: new Date(identity.lastModifiedAt),
      };
    },
);
