import { counts, type ContractResult, type RunEvent, type RunReport, type TargetRun } from '../runner/results.js';
import { parityMatrix, seconds } from './matrix.js';

const symbols = { passed: '✓', failed: '✗', 'not-run': '–' } as const;

export function resultLine(result: ContractResult): string {
  const detail =
    result.verdict === 'failed'
      ? ` — ${result.differences[0] ?? ''}`
      : result.verdict === 'not-run'
        ? ` — not run: ${result.reason ?? ''}`
        : '';
  return `${symbols[result.verdict]} ${result.id} (${result.durationMs} ms)${detail}`;
}

export function targetSummary(run: TargetRun): string {
  if (run.state === 'unavailable') return `${run.target}: not run — ${run.reason ?? ''}`;
  const tally = counts(run.results);
  return (
    `${run.target}: ${tally.passed} passed, ${tally.failed} failed, ${tally['not-run']} not run — ` +
    `contracts ${seconds(run.contractsMs)} (provisioning ${seconds(run.provisioningMs)}, ` +
    `total ${seconds(run.durationMs)})${run.state === 'interrupted' ? ' — INTERRUPTED' : ''}`
  );
}

/** Progress as plain lines (not a TTY, or `--reporter pretty` piped to a file). */
export function plainProgress(write: (line: string) => void): (event: RunEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'target-starting':
        return write(`▶ ${event.target}: starting`);
      case 'target-started':
        return write(`  ${event.description}`);
      case 'provisioned':
        write(`  stack provisioned in ${seconds(event.ms)}`);
        for (const failure of event.failures) write(`  ! provisioning: ${failure}`);
        return;
      case 'contract':
        return write(`  ${resultLine(event.result)}`);
      case 'tearing-down':
        return write('  tearing down');
      case 'target-done':
        // The summary after the run gives each target's line; here it would be said twice.
        return write(`■ ${event.run.target}: ${event.run.state === 'unavailable' ? 'not run' : 'done'}`);
    }
  };
}

/** After the run: each failure in full, the teardown leftovers, and with several targets the parity matrix. */
export function prettySummary(report: RunReport): string {
  const lines: string[] = [''];
  for (const run of report.targets) {
    const failed = run.results.filter((result) => result.verdict === 'failed');
    if (failed.length > 0) {
      lines.push(`Failures on ${run.target}:`);
      for (const result of failed) {
        lines.push(`  ✗ ${result.id} [${result.status}] ${result.title}`);
        for (const difference of result.differences) lines.push(`      ${difference}`);
      }
    }
    for (const failure of run.teardownFailures)
      lines.push(`  ! ${run.target} not torn down: ${failure} (run idpool cleanup)`);
  }
  if (report.targets.length > 1) {
    const { targets, rows } = parityMatrix(report);
    const idWidth = Math.max(...rows.map((row) => row.id.length), 8);
    lines.push('', `${'contract'.padEnd(idWidth)}  ${targets.map((run) => run.target.padEnd(12)).join('  ')}`);
    for (const row of rows) {
      const cells = row.cells.map((cell, column) => {
        const run = targets[column] as TargetRun;
        return (cell ? symbols[cell.verdict] : '–').padEnd(Math.max(run.target.length, 12));
      });
      lines.push(`${row.id.padEnd(idWidth)}  ${cells.join('  ')}`);
    }
  }
  for (const run of report.targets) lines.push(targetSummary(run));
  return lines.join('\n');
}
