import { readFileSync } from 'node:fs';
import type { TargetRun } from '../../src/runner/results.js';
import type { SnapshotFile } from '../../src/snapshots/snapshot-file.js';

/** One embedded run's raw results (scripts/make-snapshot-fixtures.mjs), fresh copy per call. */
export function recordedRun(): TargetRun {
  return JSON.parse(
    readFileSync(new URL('../fixtures/snapshots/embedded-run.json', import.meta.url), 'utf8'),
  ) as TargetRun;
}

export function recordedSnapshot(): SnapshotFile {
  return JSON.parse(
    readFileSync(new URL('../fixtures/snapshots/embedded.snapshot.json', import.meta.url), 'utf8'),
  ) as SnapshotFile;
}

/** Every secret the run's responses hold: secret keys, session tokens, OpenID tokens. */
export function secretsOf(run: TargetRun): string[] {
  const secrets: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string' && key && /^(SecretKey|SessionToken|Token)$/.test(key)) secrets.push(value);
    else if (value && typeof value === 'object') for (const [member, item] of Object.entries(value)) walk(item, member);
  };
  for (const result of run.results) walk(result.outcome);
  return secrets;
}
