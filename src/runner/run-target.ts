import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { Contract, FlowOutputs } from '../../contracts/types.js';
import { newRunId, runTags, stackNames } from '../stack/names.js';
import { provisionStack } from '../stack/provision.js';
import { apiBaseUrl } from '../targets/addressing.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import { TargetUnavailable, type Target, type TargetSession } from '../targets/target.js';
import { contractContext, type ScenarioState } from './contract-context.js';
import type { ContractResult, RunEvent, TargetRun } from './results.js';
import { runContract } from './run-contract.js';

export interface RunTargetOptions {
  contracts: readonly Contract[];
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  runId?: string;
}

const elapsedSince = (started: number): number => Math.round(performance.now() - started);

async function startSession(target: Target): Promise<TargetSession | string> {
  try {
    return await target.start();
  } catch (error) {
    if (error instanceof TargetUnavailable) return error.message;
    return `${target.name} could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * One target, start to finish: start it, provision the stack (or take the given one), run every contract in order,
 * then tear down what was created and stop the target, whatever happened in between.
 */
export async function runTarget(target: Target, options: RunTargetOptions): Promise<TargetRun> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => undefined);
  const runId = options.runId ?? newRunId();
  emit({ type: 'target-starting', target: target.name });
  const session = await startSession(target);
  const empty = { target: target.name, results: [], provisioningFailures: [], teardownFailures: [], contractsMs: 0, provisioningMs: 0 };
  if (typeof session === 'string') {
    const run: TargetRun = { ...empty, state: 'unavailable', reason: session, durationMs: elapsedSince(started) };
    emit({ type: 'target-done', run });
    return run;
  }
  emit({ type: 'target-started', target: session.name, description: session.description });

  const clients = clientsFor(session);
  const results: ContractResult[] = [];
  let provisioner: Awaited<ReturnType<typeof provisionStack>> | undefined;
  let provisioningMs = 0;
  let contractsMs = 0;
  let teardownFailures: string[] = [];
  let stack: TargetRun['stack'];
  try {
    const accountId = await accountOf(clients);
    const state: ScenarioState = { stack: {}, stackGaps: [], provisioning: undefined, outputs: {}, producers: producersOf(options.contracts), clockMoved: false };
    const provisioningStarted = performance.now();
    if (session.existingStack) {
      state.stack = { accountId, ...session.existingStack };
    } else {
      provisioner = await provisionStack(clients, {
        runId,
        region: session.region,
        accountId,
        names: stackNames(runId),
        tags: runTags(runId),
        apiBaseUrl: (restApiId, stage) => apiBaseUrl(session, restApiId, stage),
        eventuallyConsistent: session.eventuallyConsistent,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      Object.assign(state, { stack: provisioner.stack, provisioning: provisioner.record, stackGaps: provisioner.failures });
    }
    provisioningMs = elapsedSince(provisioningStarted);
    emit({ type: 'provisioned', target: session.name, failures: provisioner?.failures ?? [], ms: provisioningMs });

    stack = { ...state.stack };
    const ctx = contractContext(session, clients, state, runId, accountId);
    const contractsStarted = performance.now();
    for (const contract of options.contracts) {
      const result = options.signal?.aborted
        ? { id: contract.id, step: contract.step, title: contract.title, status: contract.status, source: contract.source.ref, verdict: 'not-run' as const, differences: [], reason: 'interrupted', durationMs: 0 }
        : await runContract(contract, ctx, state, () => session.clock.restore());
      results.push(result);
      emit({ type: 'contract', target: session.name, result });
    }
    contractsMs = elapsedSince(contractsStarted);
  } finally {
    emit({ type: 'tearing-down', target: session.name });
    if (provisioner) teardownFailures = await provisioner.teardown.run();
    await session.clock.restore().catch(() => undefined);
    destroyClients(clients);
    await session.stop().catch((error: unknown) => teardownFailures.push(`stopping ${session.name}: ${error instanceof Error ? error.message : String(error)}`));
  }
  const run: TargetRun = {
    target: session.name,
    state: options.signal?.aborted ? 'interrupted' : 'ran',
    description: session.description,
    results,
    provisioningFailures: provisioner?.failures ?? [],
    teardownFailures,
    runId,
    ...(stack ? { stack } : {}),
    durationMs: elapsedSince(started),
    contractsMs,
    provisioningMs,
  };
  emit({ type: 'target-done', run });
  return run;
}

/** The account the developer credentials belong to (emulators that lack STS: the usual 000000000000). */
async function accountOf(clients: ReturnType<typeof clientsFor>): Promise<string> {
  try {
    return (await clients.sts.send(new GetCallerIdentityCommand({}))).Account ?? '000000000000';
  } catch {
    return '000000000000';
  }
}

function producersOf(contracts: readonly Contract[]): Partial<Record<keyof FlowOutputs, string>> {
  const producers: Partial<Record<keyof FlowOutputs, string>> = {};
  for (const contract of contracts) if (contract.provides) producers[contract.provides.output] ??= contract.id;
  return producers;
}
