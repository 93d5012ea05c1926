import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from '../../contracts/types.js';
import { apiBaseUrl } from '../targets/addressing.js';
import type { TargetSession } from '../targets/target.js';
import { runTags, stackNames, type StackNames } from './names.js';
import { createIdentityPool, setIdentityPoolRoles } from './identity-pool.js';
import { allowApiGatewayInvoke, createHelloFunction } from './lambda-function.js';
import { Provisioner, type ProvisionOptions } from './provisioner.js';
import { addApiMethods, createRestApi, deployStage, putCorsGatewayResponse } from './rest-api.js';
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
    await putCorsGatewayResponse(provisioner, restApiId);
    await deployStage(provisioner, restApiId);
  }
}

/** The account the target's credentials belong to (STS GetCallerIdentity), or the emulators' default account. */
export async function accountOf(clients: AwsClients, fallback = '000000000000'): Promise<string> {
  return (await clients.sts.send(new GetCallerIdentityCommand({})).catch(() => undefined))?.Account ?? fallback;
}

export interface TargetProvisioning {
  runId: string;
  accountId: string;
  signal?: AbortSignal;
  onCall?: ProvisionOptions['onCall'];
  /** Names to use instead of the run's unique ones (`up --pool-name`, `--developer-provider-name`). */
  names?: Partial<StackNames>;
}

/** provisionStack on a started target, with the run's unique names and tags and the target's API addressing. */
export function provisionOnTarget(
  session: Pick<TargetSession, 'region' | 'endpoint' | 'executeApiUrlStyle' | 'eventuallyConsistent'>,
  clients: AwsClients,
  provisioning: TargetProvisioning,
): Promise<Provisioner> {
  const { runId, accountId, signal, onCall, names } = provisioning;
  return provisionStack(clients, {
    runId,
    region: session.region,
    accountId,
    names: { ...stackNames(runId), ...names },
    tags: runTags(runId),
    apiBaseUrl: (restApiId, stage) => apiBaseUrl(session, restApiId, stage),
    eventuallyConsistent: session.eventuallyConsistent,
    ...(signal ? { signal } : {}),
    ...(onCall ? { onCall } : {}),
  });
}
