import type { Contract } from '../../contracts/types.js';
import { newRunId } from '../stack/names.js';
import type { Target } from '../targets/target.js';
import type { ContractResult, RunEvent, TargetRun } from './results.js';
import { openScenario, startTarget, type Scenario } from './scenario.js';

export interface RunTargetOptions {
  contracts: readonly Contract[];
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  runId?: string;
}

const elapsedSince = (started: number): number => Math.round(performance.now() - started);

function interrupted(contract: Contract): ContractResult {
  return {
    id: contract.id,
    step: contract.step,
    title: contract.title,
    status: contract.status,
    source: contract.source.ref,
    verdict: 'not-run',
    differences: [],
    reason: 'interrupted',
    durationMs: 0,
  };
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
  const session = await startTarget(target);
  const base = {
    target: target.name,
    results: [] as ContractResult[],
    provisioningFailures: [] as string[],
    teardownFailures: [] as string[],
    contractsMs: 0,
    provisioningMs: 0,
  };
  if (typeof session === 'string') {
    const run: TargetRun = { ...base, state: 'unavailable', reason: session, durationMs: elapsedSince(started) };
    emit({ type: 'target-done', run });
    return run;
  }
  emit({ type: 'target-started', target: session.name, description: session.description });

  const run: TargetRun = {
    ...base,
    target: session.name,
    state: 'ran',
    description: session.description,
    runId,
    durationMs: 0,
    ...(session.endpoint ? { endpoint: session.endpoint } : {}),
  };
  let scenario: Scenario | undefined;
  try {
    const provisioningStarted = performance.now();
    scenario = await openScenario(session, {
      contracts: options.contracts,
      runId,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    run.provisioningMs = elapsedSince(provisioningStarted);
    run.provisioningFailures = scenario.provisioner?.failures ?? [];
    run.stack = { ...scenario.state.stack };
    emit({ type: 'provisioned', target: session.name, failures: run.provisioningFailures, ms: run.provisioningMs });

    const contractsStarted = performance.now();
    for (const contract of options.contracts) {
      const result = options.signal?.aborted ? interrupted(contract) : await scenario.run(contract);
      run.results.push(result);
      emit({ type: 'contract', target: session.name, result });
    }
    run.contractsMs = elapsedSince(contractsStarted);
  } finally {
    emit({ type: 'tearing-down', target: session.name });
    run.teardownFailures = scenario ? await scenario.close() : await session.stop().then(() => []);
  }
  if (options.signal?.aborted) run.state = 'interrupted';
  run.durationMs = elapsedSince(started);
  emit({ type: 'target-done', run });
  return run;
}
