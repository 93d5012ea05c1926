import type { AwsClients } from '../../contracts/types.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { newRunId, runTags, stackNames } from '../../src/stack/names.js';
import { provisionStack } from '../../src/stack/provision.js';
import type { Provisioner } from '../../src/stack/provisioner.js';
import { clientsFor } from '../../src/targets/clients.js';
import type { TargetSession } from '../../src/targets/target.js';

export interface SeedStack {
  provisioner: Provisioner;
  /** The SDK clients of the account's root keys (`test` / `test`), which provisioned it. */
  clients: AwsClients;
  /** What the clients were made from (`clientsFor(session, otherKeys)` makes more). */
  session: Pick<TargetSession, 'endpoint' | 'region' | 'credentials' | 'executeApiUrlStyle'>;
  names: ReturnType<typeof stackNames>;
}

/**
 * The seed stack (pool, roles, function, API) provisioned through the SDK with the root keys, as the runner does, its
 * API addressed in the path style; throws naming what failed.
 */
export async function provisionSeedStack(emulator: RunningEmulator): Promise<SeedStack> {
  const session: SeedStack['session'] = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    executeApiUrlStyle: 'path',
  };
  const clients = clientsFor(session);
  const runId = newRunId();
  const names = stackNames(runId);
  const provisioner = await provisionStack(clients, {
    runId,
    region: emulator.region,
    accountId: emulator.accountId,
    names,
    tags: runTags(runId),
    apiBaseUrl: (restApiId, stage) => `${emulator.url}/restapis/${restApiId}/${stage}/_user_request_`,
    eventuallyConsistent: false,
  });
  if (provisioner.failures.length > 0) throw new Error(`provisioning failed: ${provisioner.failures.join('; ')}`);
  return { provisioner, clients, session, names };
}
