import { Listr } from 'listr2';
import { allContracts } from '../../contracts/index.js';
import type { Contract } from '../../contracts/types.js';
import { plainProgress, resultLine, targetSummary } from '../reporters/pretty.js';
import type { RunReport } from '../runner/results.js';
import { runContracts } from '../runner/run-all.js';
import { runTarget } from '../runner/run-target.js';
import type { Target } from '../targets/target.js';

export interface ProgressOptions {
  contracts?: readonly Contract[];
  signal: AbortSignal;
  /** Show progress at all (the pretty reporter was asked for). */
  show: boolean;
  /** Where progress lines go (stderr when stdout carries a machine-readable report). */
  stream: NodeJS.WriteStream;
}

/** Runs the targets with progress: listr2 on a TTY, plain lines otherwise, nothing when not asked for. */
export async function runWithProgress(targets: readonly Target[], options: ProgressOptions): Promise<RunReport> {
  const contracts = options.contracts ?? allContracts;
  if (!options.show || !options.stream.isTTY) {
    const onEvent = options.show ? plainProgress((line) => options.stream.write(`${line}\n`)) : undefined;
    return runContracts(targets, { contracts, signal: options.signal, ...(onEvent ? { onEvent } : {}) });
  }
  const started = performance.now();
  const report: RunReport = { startedAt: new Date().toISOString(), durationMs: 0, targets: [], interrupted: false };
  const list = new Listr(
    targets.map((target) => ({
      title: target.name,
      task: async (_: unknown, task: { title: string; output: string; skip(message: string): void }) => {
        const run = await runTarget(target, {
          contracts,
          signal: options.signal,
          onEvent: (event) => {
            if (event.type === 'target-started') task.title = `${target.name}: ${event.description}`;
            else if (event.type === 'provisioned') {
              const failed = event.failures.length;
              task.output = `stack provisioned${failed ? ` (${failed} calls failed)` : ''}`;
            } else if (event.type === 'contract') task.output = resultLine(event.result);
            else if (event.type === 'tearing-down') task.output = 'tearing down';
          },
        });
        report.targets.push(run);
        task.title = targetSummary(run);
        if (run.state === 'unavailable') task.skip(targetSummary(run));
      },
    })),
    { concurrent: false, exitOnError: false, registerSignalListeners: false },
  );
  await list.run();
  report.interrupted = options.signal.aborted;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
