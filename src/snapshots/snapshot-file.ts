import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonValue, Outcome } from '../../contracts/outcome.js';
import { packageVersion } from '../package-root.js';
import type { TargetRun } from '../runner/results.js';
import { diffJson } from './compare.js';
import { normalizeOutcomes, type SnapshotEntry } from './normalize.js';

export interface SnapshotFile {
  target: string;
  recordedAt: string;
  idpoolVersion: string;
  contracts: Record<string, SnapshotEntry>;
}

/** Values replaced everywhere in a target's outcomes. */
function knownValues(run: TargetRun): Array<readonly [string, string]> {
  const stack = run.stack ?? {};
  return [
    [run.runId ?? '', '<run-id>'],
    [stack.restApiId ?? '', '<api-id>'],
    [stack.region ?? '', '<region>'],
    [run.endpoint ? new URL(run.endpoint).host : '', '<endpoint-host>'],
    [stack.apiUrl ? new URL(stack.apiUrl).host : '', '<api-host>'],
  ];
}

/** The normalized, redacted outcome of every contract of a run that got an answer. */
export function snapshotOf(run: TargetRun, recordedAt = new Date().toISOString()): SnapshotFile {
  const outcomes = run.results
    .filter((result) => result.outcome)
    .map((result) => [result.id, result.outcome as Outcome] as const);
  const contracts = normalizeOutcomes(outcomes, knownValues(run), [[run.stack?.accountId ?? '', '<account-id>']]);
  const snapshot: SnapshotFile = { target: run.target, recordedAt, idpoolVersion: packageVersion, contracts };
  assertNoSecrets(JSON.stringify(snapshot), run);
  return snapshot;
}

/** Throws when a secret key, session token or token of the run would be written (normalization must remove them). */
export function assertNoSecrets(text: string, run: TargetRun): void {
  if (/eyJ[\w-]+\.[\w-]+\.[\w-]*/.test(text)) throw new Error('refusing to write a snapshot: it still holds a JWT');
  const secrets = new Set<string>();
  const collect = (value: JsonValue | undefined, key?: string): void => {
    if (
      typeof value === 'string' &&
      key &&
      /^(SecretKey|SecretAccessKey|SessionToken|Token)$/.test(key) &&
      value.length >= 8
    )
      secrets.add(value);
    else if (Array.isArray(value)) for (const item of value) collect(item, key);
    else if (value && typeof value === 'object')
      for (const [member, item] of Object.entries(value)) collect(item, member);
  };
  for (const result of run.results) collect(result.outcome?.kind === 'response' ? result.outcome.body : undefined);
  for (const secret of secrets)
    if (text.includes(secret))
      throw new Error('refusing to write a snapshot: it still holds a secret key or session token');
}

export function writeSnapshot(directory: string, snapshot: SnapshotFile): string {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${snapshot.target}.snapshot.json`);
  writeFileSync(path, `${JSON.stringify(snapshot, null, 2)}\n`);
  return path;
}

/** A snapshot file, or from a folder `aws.snapshot.json` (else its only `*.snapshot.json`). */
export function readSnapshot(location: string): SnapshotFile {
  let path = location;
  if (existsSync(location) && statSync(location).isDirectory()) {
    const files = readdirSync(location).filter((name) => name.endsWith('.snapshot.json'));
    const chosen = files.includes('aws.snapshot.json')
      ? 'aws.snapshot.json'
      : files.length === 1
        ? files[0]
        : undefined;
    if (!chosen)
      throw new Error(
        `${location}: expected aws.snapshot.json or a single *.snapshot.json, ` +
          `found ${files.length === 0 ? 'none' : files.join(', ')}; name the file instead`,
      );
    path = join(location, chosen);
  }
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
  if (typeof parsed.contracts !== 'object' || parsed.contracts === null)
    throw new Error(`${path}: not an idpool snapshot (no "contracts")`);
  return parsed;
}

/**
 * Compares each contract's normalized outcome with the recording; a difference fails the contract and is listed
 * field by field (`snapshot body.Credentials.Expiration: recorded …, got …`). Contracts the recording lacks are
 * left as they are.
 */
export function compareWithSnapshot(run: TargetRun, recording: SnapshotFile): void {
  const actual = snapshotOf(run).contracts;
  for (const result of run.results) {
    const recorded = recording.contracts[result.id];
    const entry = actual[result.id];
    if (!recorded || !entry) continue;
    const differences = diffJson(recorded as unknown as JsonValue, entry as unknown as JsonValue).map(
      (difference) => `snapshot (${recording.target}) ${difference}`,
    );
    if (differences.length > 0) {
      result.differences.push(...differences);
      result.verdict = 'failed';
    }
  }
}
