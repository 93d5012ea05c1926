import type { UnlinkIdentityInput } from '@aws-sdk/client-cognito-identity';
import { defineOperation } from '../service-definition.js';
import { cognitoErrors } from './errors.js';
import { identityLogin } from './identity-login.js';
import { publicIdentity } from './pools.js';

/**
 * Public: unlinks the logins of the named providers from an identity, which proves itself with its current token
 * (`Logins`). Providers the identity has no login from are ignored. [unverified] what AWS answers for those.
 */
export const unlinkIdentity = defineOperation(
  ['cognito', 'tokens', 'clock'],
  (services) =>
    async (input: UnlinkIdentityInput, context): Promise<void> => {
      const { identities } = services.cognito;
      const { identity, pool } = publicIdentity(services.cognito, input.IdentityId as string);
      const login = await identityLogin(services, pool, identity, input.Logins ?? {});
      if (login.authenticationType === 'unauthenticated') throw cognitoErrors.identityForbidden(identity.identityId);
      const linked = new Set(identities.providers(identity.seq));
      const toRemove = (input.LoginsToRemove ?? []).filter((provider) => linked.has(provider));
      if (toRemove.length > 0) identities.unlinkProviders(identity.seq, toRemove, context.now.getTime());
    },
);
