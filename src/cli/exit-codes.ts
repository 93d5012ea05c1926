import { counts, type RunReport } from '../runner/results.js';

/**
 * Exit status of `idpool contracts run|record` and `idpool flow` (documented in the README):
 * 0 every contract on every target that ran passed (not-run contracts say why and do not fail a run);
 * 1 at least one contract failed; 2 idpool was used wrongly or failed itself (bad option, unreadable file);
 * 3 a target could not start (no container runtime, no token, nothing listening, no consent) and nothing failed;
 * 4 everything passed but teardown left resources behind (remove them with `idpool cleanup`);
 * 130 interrupted (SIGINT/SIGTERM) after tearing down.
 */
export const exitCodes = {
  passed: 0,
  failed: 1,
  usage: 2,
  targetUnavailable: 3,
  teardownIncomplete: 4,
  interrupted: 130,
} as const;

export function exitCodeOf(report: RunReport): number {
  if (report.interrupted) return exitCodes.interrupted;
  if (report.targets.some((run) => counts(run.results).failed > 0)) return exitCodes.failed;
  if (report.targets.some((run) => run.state === 'unavailable')) return exitCodes.targetUnavailable;
  if (report.targets.some((run) => run.teardownFailures.length > 0)) return exitCodes.teardownIncomplete;
  return exitCodes.passed;
}

/** An error the user can fix by changing the command line: exit 2 with the message, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
