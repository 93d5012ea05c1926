import type {
  GetPrincipalTagAttributeMapInput,
  GetPrincipalTagAttributeMapResponse,
} from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { ownedPool } from './pools.js';
import { checkTagMapProvider } from './principal-tag-maps.js';

/** The provider's principal tag map; one never set reads as no tags and no defaults. [unverified] */
export const getPrincipalTagAttributeMap = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: GetPrincipalTagAttributeMapInput, context): GetPrincipalTagAttributeMapResponse => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      const providerName = input.IdentityProviderName as string;
      checkTagMapProvider(pool, providerName);
      const map = cognito.pools.principalTagMap(pool.seq, providerName) ?? { useDefaults: false, principalTags: {} };
      return {
        IdentityPoolId: pool.poolId,
        IdentityProviderName: providerName,
        UseDefaults: map.useDefaults,
        PrincipalTags: map.principalTags,
      };
    },
);
