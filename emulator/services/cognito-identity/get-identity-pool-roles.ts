import type { GetIdentityPoolRolesInput, GetIdentityPoolRolesResponse } from '@aws-sdk/client-cognito-identity';
import type { Operation } from '../service-definition.js';
import { findOwnedPool } from './pools.js';

export const getIdentityPoolRoles: Operation<GetIdentityPoolRolesInput, GetIdentityPoolRolesResponse> = (input, context) => {
  const pool = findOwnedPool(context, input.IdentityPoolId as string);
  return {
    IdentityPoolId: pool.poolId,
    Roles: pool.roles,
    RoleMappings: Object.keys(pool.roleMappings).length > 0 ? pool.roleMappings : undefined,
  };
};
