import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../runner/results.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';

export const reporterNames = ['pretty', 'json', 'junit', 'markdown'] as const;
export type ReporterName = (typeof reporterNames)[number];

const files: Record<Exclude<ReporterName, 'pretty'>, { file: string; render: (report: RunReport) => string }> = {
  json: { file: 'results.json', render: renderJson },
  junit: { file: 'junit.xml', render: renderJunit },
  markdown: { file: 'matrix.md', render: renderMarkdown },
};

/** Writes the file reporters: into `outDir` (results.json, junit.xml, matrix.md), or to stdout when there is none. */
export function writeReports(
  report: RunReport,
  reporters: readonly ReporterName[],
  outDir: string | undefined,
  stdout: (text: string) => void,
): string[] {
  const written: string[] = [];
  if (outDir) mkdirSync(outDir, { recursive: true });
  for (const name of reporters) {
    if (name === 'pretty') continue;
    const { file, render } = files[name];
    if (outDir) {
      const path = join(outDir, file);
      writeFileSync(path, render(report));
      written.push(path);
    } else {
      stdout(render(report));
    }
  }
  return written;
}
