import type { GetOpenIdTokenInput, GetOpenIdTokenResponse } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { cognitoErrors } from './errors.js';
import { refusePublicLogin } from './login-providers.js';
import { publicIdentity } from './pools.js';
import { openIdTokenSeconds, unauthenticatedClaims } from './token-claims.js';

/**
 * Public, the basic (classic) flow: a 10-minute token for an unauthenticated identity. Refused when the pool turned
 * the classic flow off (explicitly: a pool that never set AllowClassicFlow still serves it, aws/aws-cli#7652) or has
 * role mappings. An authenticated identity needs its provider's token, which idpool cannot verify.
 */
export const getOpenIdToken = defineOperation(
  ['cognito', 'tokens'],
  ({ cognito, tokens }) =>
    async (input: GetOpenIdTokenInput): Promise<GetOpenIdTokenResponse> => {
      const { identity, pool } = publicIdentity(cognito, input.IdentityId as string);
      if (pool.allowClassicFlow === false) throw cognitoErrors.classicFlowDisabled();
      if (Object.keys(pool.roleMappings).length > 0) throw cognitoErrors.classicFlowWithRoleMappings();
      const [first] = Object.keys(input.Logins ?? {});
      if (first !== undefined) refusePublicLogin(pool, first);
      if (identity.disabled || cognito.identities.loginCount(identity.seq) > 0) {
        throw cognitoErrors.identityForbidden(identity.identityId);
      }
      if (!pool.allowUnauthenticatedIdentities) throw cognitoErrors.unauthenticatedNotSupported();
      const token = await tokens.sign(unauthenticatedClaims(pool.poolId, identity.identityId), openIdTokenSeconds);
      return { IdentityId: identity.identityId, Token: token };
    },
);
