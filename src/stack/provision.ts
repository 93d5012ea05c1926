import type { AwsClients } from '../../contracts/types.js';
import { createIdentityPool, setIdentityPoolRoles } from './identity-pool.js';
import { allowApiGatewayInvoke, createHelloFunction } from './lambda-function.js';
import { Provisioner, type ProvisionOptions } from './provisioner.js';
import { addApiMethods, createRestApi, deployStage } from './rest-api.js';
import { createAuthenticatedRole, createLambdaRole } from './roles.js';

/**
 * Provisions the seed stack through the SDK clients, the same calls on every target. A failed call is recorded
 * and skips only what needs its result; the returned Provisioner holds the stack, the record and the teardown.
 * It never throws, so what was created is always torn down.
 */
export async function provisionStack(clients: AwsClients, options: ProvisionOptions): Promise<Provisioner> {
  const provisioner = new Provisioner(clients, options);
  try {
    await provisionInto(provisioner);
  } catch (error) {
    // Not an AWS error (those are recorded per call): keep what exists so it is torn down, and say why it stopped.
    provisioner.failures.push(`provisioning stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
  return provisioner;
}

async function provisionInto(provisioner: Provisioner): Promise<void> {
  const poolId = await createIdentityPool(provisioner);
  if (poolId) {
    const roleArn = await createAuthenticatedRole(provisioner, poolId);
    if (roleArn) await setIdentityPoolRoles(provisioner, poolId, roleArn);
  }
  const lambdaRoleArn = await createLambdaRole(provisioner);
  const functionArn = lambdaRoleArn ? await createHelloFunction(provisioner, lambdaRoleArn) : undefined;
  const restApiId = await createRestApi(provisioner);
  if (restApiId && functionArn) {
    await addApiMethods(provisioner, restApiId, functionArn);
    await allowApiGatewayInvoke(provisioner, restApiId);
    await deployStage(provisioner, restApiId);
  }
}
