import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotKey, type Scenario } from './scenario.js';
import type { Json } from './wire-shape.js';

/**
 * The recorded answers the scenarios compare with, copied from LocalStack's parity recordings
 * (localstack/localstack, commit 8b9a79f05846, Apache-2.0) into test/fixtures/aws-recorded/<service>/: for each
 * snapshot file, only the snapshot keys a scenario reproduces, and in each only its answers.
 */
const origin = { repository: 'localstack/localstack', commit: '8b9a79f05846', licence: 'Apache-2.0' };

export interface Recording {
  'recorded-date': string;
  'recorded-content': Record<string, Json>;
}

interface FixtureFile {
  origin: typeof origin & { file: string; note: string };
  recordings: Record<string, Recording>;
}

const fixturesRoot = fileURLToPath(new URL('../fixtures/aws-recorded/', import.meta.url));

/** `lambda_/test_lambda_api` → `lambda/test_lambda_api.snapshot.json` (the folder named after the service). */
function fixturePath(file: string): string {
  const [folder, name] = file.split('/');
  return join(fixturesRoot, folder.replace(/_$/, ''), `${name}.snapshot.json`);
}

const loaded = new Map<string, FixtureFile>();

function fixture(file: string): FixtureFile {
  let content = loaded.get(file);
  if (!content) {
    const path = fixturePath(file);
    content = existsSync(path)
      ? (JSON.parse(readFileSync(path, 'utf8')) as FixtureFile)
      : { origin: { ...origin, file, note: '' }, recordings: {} };
    loaded.set(file, content);
  }
  return content;
}

export function recordingOf(s: Scenario): Recording | undefined {
  return fixture(s.file).recordings[snapshotKey(s)];
}

/**
 * Rewrites the fixture files from LocalStack's snapshot files under `sourceRoot` (a checkout's
 * tests/aws/services/, or a copy of it) for exactly the scenarios given.
 */
export function copyRecordings(sourceRoot: string, all: Scenario[]): void {
  const byFile = new Map<string, Scenario[]>();
  for (const s of all) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  for (const [file, list] of byFile) {
    const source = JSON.parse(readFileSync(join(sourceRoot, `${file}.snapshot.json`), 'utf8')) as Record<
      string,
      Recording
    >;
    const recordings: Record<string, Recording> = {};
    for (const s of list) {
      const key = snapshotKey(s);
      const recorded = source[key];
      if (!recorded) throw new Error(`no recording ${key} in ${file}.snapshot.json`);
      const content = Object.fromEntries(
        Object.entries(recorded['recorded-content']).filter(([name]) => !(name in (s.omitted ?? {}))),
      );
      recordings[key] = { 'recorded-date': recorded['recorded-date'], 'recorded-content': content };
    }
    const fixtureContent: FixtureFile = {
      origin: {
        ...origin,
        file: `tests/aws/services/${file}.snapshot.json`,
        note:
          'Responses recorded from real AWS by LocalStack parity tests; ' +
          'only the keys test/aws-recorded reproduces.',
      },
      recordings,
    };
    const path = fixturePath(file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(fixtureContent, null, 1)}\n`);
    loaded.set(file, fixtureContent);
  }
}
