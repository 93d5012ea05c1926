import type { GetIdentityPoolRolesInput, GetIdentityPoolRolesResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { ownedPool } from './pools.js';

export const getIdentityPoolRoles = defineOperation(
  ['cognito'],
  ({ cognito }) =>
    (input: GetIdentityPoolRolesInput, context): GetIdentityPoolRolesResponse => {
      const pool = ownedPool(cognito, context, input.IdentityPoolId as string);
      return {
        IdentityPoolId: pool.poolId,
        Roles: pool.roles,
        RoleMappings: Object.keys(pool.roleMappings).length > 0 ? pool.roleMappings : undefined,
      };
    },
);
