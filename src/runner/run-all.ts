import { allContracts } from '../../contracts/index.js';
import type { Contract } from '../../contracts/types.js';
import type { Target } from '../targets/target.js';
import type { RunEvent, RunReport } from './results.js';
import { runTarget } from './run-target.js';

export interface RunOptions {
  contracts?: readonly Contract[];
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
}

/** Runs the contracts on each target in turn; several targets make the parity matrix. */
export async function runContracts(targets: readonly Target[], options: RunOptions = {}): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const report: RunReport = { startedAt, durationMs: 0, targets: [], interrupted: false };
  for (const target of targets) {
    if (options.signal?.aborted) break;
    report.targets.push(
      await runTarget(target, {
        contracts: options.contracts ?? allContracts,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      }),
    );
  }
  report.interrupted = options.signal?.aborted ?? false;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
