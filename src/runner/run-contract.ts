import { isNotRun } from '../../contracts/not-run.js';
import type { Outcome } from '../../contracts/outcome.js';
import type { Contract, ContractContext } from '../../contracts/types.js';
import type { ScenarioState } from './contract-context.js';
import { evaluate } from './evaluate.js';
import type { ContractResult } from './results.js';

const contractTimeoutMs = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one contract against the scenario so far: not run (with why), passed, or failed (with the differences). */
export async function runContract(
  contract: Contract,
  ctx: ContractContext,
  state: ScenarioState,
  restoreClock: () => Promise<void>,
): Promise<ContractResult> {
  const base = {
    id: contract.id,
    step: contract.step,
    title: contract.title,
    status: contract.status,
    source: contract.source.ref,
  };
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  const notRun = (reason: string): ContractResult => ({
    ...base,
    verdict: 'not-run',
    differences: [],
    reason,
    durationMs: elapsed(),
  });

  if (contract.changesStack && state.provisioning === undefined)
    return notRun('it would change the stack given with --stack, which this run did not create');
  for (const key of contract.requires ?? []) {
    if (state.outputs[key] === undefined)
      return notRun(`needs ${key} from ${state.producers[key] ?? 'an earlier contract'}, which did not produce it`);
  }
  let outcome: Outcome;
  let differences: string[];
  try {
    outcome = await withTimeout(contract.run(ctx), contractTimeoutMs);
    differences = await evaluate(contract, outcome, ctx);
  } catch (error) {
    if (isNotRun(error)) return notRun(error.reason);
    return {
      ...base,
      verdict: 'failed',
      differences: [`the contract could not complete: ${error instanceof Error ? error.message : String(error)}`],
      durationMs: elapsed(),
    };
  } finally {
    if (state.clockMoved) {
      state.clockMoved = false;
      await restoreClock();
    }
  }
  if (contract.provides) {
    const value = contract.provides.read(outcome, ctx);
    if (value !== undefined) Object.assign(state.outputs, { [contract.provides.output]: value });
  }
  return {
    ...base,
    verdict: differences.length === 0 ? 'passed' : 'failed',
    differences,
    durationMs: elapsed(),
    outcome,
  };
}
