import { packageVersion } from '../package-root.js';
import { counts, type RunReport } from '../runner/results.js';

/** The run as JSON for other tools: every target and contract result, without any response (they hold secrets). */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(
    {
      tool: 'idpool',
      version: packageVersion,
      startedAt: report.startedAt,
      durationMs: report.durationMs,
      interrupted: report.interrupted,
      targets: report.targets.map((run) => ({
        target: run.target,
        state: run.state,
        description: run.description,
        reason: run.reason,
        runId: run.runId,
        durationMs: run.durationMs,
        provisioningMs: run.provisioningMs,
        contractsMs: run.contractsMs,
        summary: counts(run.results),
        provisioningFailures: run.provisioningFailures,
        teardownFailures: run.teardownFailures,
        results: run.results.map(({ outcome: _outcome, ...result }) => result),
      })),
    },
    null,
    2,
  )}\n`;
}
