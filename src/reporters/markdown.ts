import { counts, type RunReport } from '../runner/results.js';
import { cellText, parityMatrix, seconds } from './matrix.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/`/g, "'");
}

/** The parity matrix as a Markdown table (contract × target), then each target's failures in full. */
export function renderMarkdown(report: RunReport): string {
  const { targets, rows } = parityMatrix(report);
  const lines = [`# idpool contract run, ${report.startedAt}`, ''];
  for (const run of targets) {
    const tally = counts(run.results);
    lines.push(
      run.state === 'unavailable'
        ? `- **${run.target}**: not run — ${escapeCell(run.reason ?? '')}`
        : `- **${run.target}** (${escapeCell(run.description ?? '')}): ${tally.passed} passed, ` +
            `${tally.failed} failed, ${tally['not-run']} not run; ` +
            `contracts ${seconds(run.contractsMs)}, total ${seconds(run.durationMs)}`,
    );
  }
  lines.push(
    '',
    `| contract | status | ${targets.map((run) => escapeCell(run.target)).join(' | ')} |`,
    `| --- | --- | ${targets.map(() => '---').join(' | ')} |`,
  );
  for (const row of rows) {
    const cells = row.cells.map((cell, column) =>
      escapeCell(cellText(cell, targets[column] as (typeof targets)[number])),
    );
    lines.push(`| \`${row.id}\` | ${row.status} | ${cells.join(' | ')} |`);
  }
  for (const run of targets) {
    const failed = run.results.filter((result) => result.verdict === 'failed');
    if (failed.length === 0 && run.provisioningFailures.length === 0 && run.teardownFailures.length === 0) continue;
    lines.push('', `## ${escapeCell(run.target)}`);
    if (run.provisioningFailures.length > 0)
      lines.push(
        '',
        'Provisioning failures:',
        ...run.provisioningFailures.map((failure) => `- ${escapeCell(failure)}`),
      );
    for (const result of failed)
      lines.push(
        '',
        `### \`${result.id}\` (${result.status})`,
        ...result.differences.map((difference) => `- ${escapeCell(difference)}`),
      );
    if (run.teardownFailures.length > 0)
      lines.push(
        '',
        'Not torn down (run `idpool cleanup`):',
        ...run.teardownFailures.map((failure) => `- ${escapeCell(failure)}`),
      );
  }
  return `${lines.join('\n')}\n`;
}
