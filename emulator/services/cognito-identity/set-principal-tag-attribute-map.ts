import type {
  SetPrincipalTagAttributeMapInput,
  SetPrincipalTagAttributeMapResponse,
} from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { ownedPool } from './pools.js';
import { checkTagMapProvider } from './principal-tag-maps.js';

/** Sets which token claims become principal tags for one of the pool's providers, answering what it stored. */
export const setPrincipalTagAttributeMap = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: SetPrincipalTagAttributeMapInput, context): SetPrincipalTagAttributeMapResponse => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      const providerName = input.IdentityProviderName as string;
      checkTagMapProvider(pool, providerName);
      const map = { useDefaults: input.UseDefaults ?? false, principalTags: input.PrincipalTags ?? {} };
      cognito.pools.setPrincipalTagMap(pool.seq, providerName, map);
      return {
        IdentityPoolId: pool.poolId,
        IdentityProviderName: providerName,
        UseDefaults: map.useDefaults,
        PrincipalTags: map.principalTags,
      };
    },
);
