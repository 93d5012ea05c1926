import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import type { Provisioner } from './provisioner.js';

/** Step 1: the identity pool, developer-authenticated only (no guests). */
export async function createIdentityPool(provisioner: Provisioner): Promise<string | undefined> {
  const { clients, options, stack } = provisioner;
  const created = await provisioner.call('createIdentityPool', () =>
    clients.cognito.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: options.names.identityPool,
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: options.names.developerProvider,
        IdentityPoolTags: options.tags,
      }),
    ),
  );
  const poolId = created?.IdentityPoolId;
  if (!poolId) return undefined;
  provisioner.teardown.add(`identity pool ${poolId}`, () =>
    clients.cognito.send(new DeleteIdentityPoolCommand({ IdentityPoolId: poolId })),
  );
  Object.assign(stack, {
    identityPoolId: poolId,
    identityPoolName: options.names.identityPool,
    developerProviderName: options.names.developerProvider,
  });
  return poolId;
}

/** Step 2 (end): the authenticated role on the pool. */
export async function setIdentityPoolRoles(provisioner: Provisioner, poolId: string, roleArn: string): Promise<void> {
  await provisioner.call('setIdentityPoolRoles', () =>
    provisioner.clients.cognito.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: roleArn } }),
    ),
  );
}
