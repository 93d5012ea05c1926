import type { Contract, ContractContext, FlowOutputs } from '../../contracts/types.js';
import { newRunId } from '../stack/names.js';
import { accountOf, provisionOnTarget } from '../stack/provision.js';
import type { Provisioner } from '../stack/provisioner.js';
import { clientsFor, destroyClients } from '../targets/clients.js';
import { TargetUnavailable, type Target, type TargetSession } from '../targets/target.js';
import { contractContext, type ScenarioState } from './contract-context.js';
import type { ContractResult } from './results.js';
import { runContract } from './run-contract.js';

/** A started target with its stack, ready to run contracts one by one; `close()` tears down and stops it. */
export interface Scenario {
  session: TargetSession;
  runId: string;
  state: ScenarioState;
  provisioner: Provisioner | undefined;
  ctx: ContractContext;
  run(contract: Contract): Promise<ContractResult>;
  /** Tears down what was created and stops the target; returns what could not be removed. */
  close(): Promise<string[]>;
}

export interface OpenOptions {
  contracts: readonly Contract[];
  runId?: string;
  signal?: AbortSignal;
}

/** Starts the target or says why it cannot (the TargetUnavailable message, or the start failure). */
export async function startTarget(target: Target): Promise<TargetSession | string> {
  try {
    return await target.start();
  } catch (error) {
    if (error instanceof TargetUnavailable) return error.message;
    return `${target.name} could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Provisions the stack on a started target (or takes the `--stack` one) and builds the contracts' context. */
export async function openScenario(session: TargetSession, options: OpenOptions): Promise<Scenario> {
  const runId = options.runId ?? newRunId();
  const clients = clientsFor(session);
  const accountId = await accountOf(clients);
  const state: ScenarioState = {
    stack: {},
    stackGaps: [],
    provisioning: undefined,
    outputs: {},
    producers: producersOf(options.contracts),
    clockMoved: false,
  };
  let provisioner: Provisioner | undefined;
  if (session.existingStack) {
    state.stack = { accountId, ...session.existingStack };
  } else {
    provisioner = await provisionOnTarget(session, clients, { runId, accountId, signal: options.signal });
    Object.assign(state, {
      stack: provisioner.stack,
      provisioning: provisioner.record,
      stackGaps: provisioner.failures,
    });
  }
  const ctx = contractContext(session, clients, state, runId, accountId);
  return {
    session,
    runId,
    state,
    provisioner,
    ctx,
    run: (contract) => runContract(contract, ctx, state, () => session.clock.restore()),
    close: async () => {
      const failures = provisioner ? await provisioner.teardown.run() : [];
      await session.clock.restore().catch(() => undefined);
      destroyClients(clients);
      await session
        .stop()
        .catch((error: unknown) =>
          failures.push(`stopping ${session.name}: ${error instanceof Error ? error.message : String(error)}`),
        );
      return failures;
    },
  };
}

/** The account the developer credentials belong to (emulators that lack STS: the usual 000000000000). */

function producersOf(contracts: readonly Contract[]): Partial<Record<keyof FlowOutputs, string>> {
  const producers: Partial<Record<keyof FlowOutputs, string>> = {};
  for (const contract of contracts) if (contract.provides) producers[contract.provides.output] ??= contract.id;
  return producers;
}
