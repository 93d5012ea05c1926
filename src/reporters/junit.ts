import { counts, type RunReport } from '../runner/results.js';

function escapeXml(text: string): string {
  // XML 1.0 has no way to write most control characters, so they are dropped.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const secondsOf = (ms: number): string => (ms / 1000).toFixed(3);

/** JUnit XML: one testsuite per target, one testcase per contract (classname `<target>.<step>`). */
export function renderJunit(report: RunReport): string {
  const all = report.targets.flatMap((run) => run.results);
  const total = counts(all);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="idpool contracts" tests="${all.length}" failures="${total.failed}" ` +
      `skipped="${total['not-run']}" time="${secondsOf(report.durationMs)}">`,
  ];
  for (const run of report.targets) {
    const tally = counts(run.results);
    const attributes =
      `name="${escapeXml(run.target)}" tests="${run.results.length || 1}" failures="${tally.failed}" ` +
      `skipped="${run.state === 'unavailable' ? 1 : tally['not-run']}" time="${secondsOf(run.durationMs)}"`;
    lines.push(`  <testsuite ${attributes}>`);
    if (run.state === 'unavailable') {
      lines.push(
        `    <testcase classname="${escapeXml(run.target)}" name="target" time="0">`,
        `      <skipped message="${escapeXml(`target not started: ${run.reason ?? ''}`)}"/>`,
        '    </testcase>',
      );
    }
    for (const result of run.results) {
      lines.push(
        `    <testcase classname="${escapeXml(`${run.target}.${result.step}`)}" name="${escapeXml(result.id)}" ` +
          `time="${secondsOf(result.durationMs)}">`,
      );
      if (result.verdict === 'failed') {
        lines.push(
          `      <failure message="${escapeXml(result.differences[0] ?? 'failed')}" ` +
            `type="ContractFailure">${escapeXml(result.differences.join('\n'))}</failure>`,
        );
      } else if (result.verdict === 'not-run') {
        lines.push(`      <skipped message="${escapeXml(result.reason ?? 'not run')}"/>`);
      }
      lines.push(
        `      <properties><property name="status" value="${result.status}"/><property name="source" ` +
          `value="${escapeXml(result.source)}"/></properties>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
