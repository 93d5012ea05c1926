import type { ContractResult, RunReport, TargetRun } from '../runner/results.js';

export interface MatrixRow {
  id: string;
  title: string;
  status: ContractResult['status'];
  /** One cell per target, in report order; undefined when the target did not start. */
  cells: Array<ContractResult | undefined>;
}

/** Contract × target: every contract any target knows, in run order. */
export function parityMatrix(report: RunReport): { targets: TargetRun[]; rows: MatrixRow[] } {
  const rows = new Map<string, MatrixRow>();
  report.targets.forEach((run, column) => {
    for (const result of run.results) {
      const row = rows.get(result.id) ?? {
        id: result.id,
        title: result.title,
        status: result.status,
        cells: report.targets.map(() => undefined),
      };
      row.cells[column] = result;
      rows.set(result.id, row);
    }
  });
  return { targets: report.targets, rows: [...rows.values()] };
}

/** A cell in words: `pass`, `FAIL: <first difference>`, `not run: <reason>`. */
export function cellText(result: ContractResult | undefined, run: TargetRun): string {
  if (!result) return `not run: ${run.reason ?? run.state}`;
  if (result.verdict === 'passed') return 'pass';
  if (result.verdict === 'failed')
    return (
      `FAIL: ${result.differences[0] ?? ''}` +
      `${result.differences.length > 1 ? ` (+${result.differences.length - 1} more)` : ''}`
    );
  return `not run: ${result.reason ?? ''}`;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
