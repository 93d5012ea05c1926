import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../src/snapshots/compare.js';
import { compareWithSnapshot, readSnapshot, snapshotOf, writeSnapshot } from '../../src/snapshots/snapshot-file.js';
import { recordedRun, recordedSnapshot } from './fixtures.js';

describe('snapshot comparison', () => {
  it('finds no difference between a run and its own recording', () => {
    const run = recordedRun();
    compareWithSnapshot(run, recordedSnapshot());
    expect(run.results.filter((result) => result.verdict !== 'passed')).toEqual([]);
  });

  it('fails the contracts whose normalized response differs, field by field', () => {
    const run = recordedRun();
    const issued = run.results.find((result) => result.id === 'get-credentials-for-identity.issued');
    if (issued?.outcome?.kind !== 'response') throw new Error('fixture lacks the credentials response');
    const body = issued.outcome.body as { Credentials: Record<string, unknown>; IdentityId: string };
    body.Credentials.Expiration = 1795699999;
    delete body.Credentials.SessionToken;
    body.Credentials.Extra = 'x';
    compareWithSnapshot(run, recordedSnapshot());
    expect(issued.verdict).toBe('failed');
    expect(issued.differences).toEqual([
      'snapshot (embedded) body.Credentials.SessionToken: missing, the recording has "<session-token>"',
      'snapshot (embedded) body.Credentials.Expiration: recorded "<datetime>", got 1795699999',
      'snapshot (embedded) body.Credentials.Extra: not in the recording, got "x"',
    ]);
    expect(run.results.filter((result) => result.verdict === 'failed').map((result) => result.id)).toEqual([
      'get-credentials-for-identity.issued',
    ]);
  });

  it('compares errors by code, status and normalized message', () => {
    const run = recordedRun();
    const unsigned = run.results.find((result) => result.id === 'signed-call.unsigned');
    if (unsigned?.outcome?.kind !== 'error') throw new Error('fixture lacks the unsigned error');
    unsigned.outcome.status = 404;
    unsigned.outcome.message = 'Not Found';
    compareWithSnapshot(run, recordedSnapshot());
    expect(unsigned.differences).toContain('snapshot (embedded) status: recorded 403, got 404');
    expect(unsigned.differences).toContain(
      'snapshot (embedded) message: recorded "Missing Authentication Token", got "Not Found"',
    );
  });

  it('reads a recording from a folder, preferring aws.snapshot.json', () => {
    const folder = mkdtempSync(join(tmpdir(), 'idpool-recordings-'));
    writeSnapshot(folder, { ...snapshotOf(recordedRun()), target: 'embedded' });
    expect(readSnapshot(folder).target).toBe('embedded');
    writeSnapshot(folder, { ...snapshotOf(recordedRun()), target: 'aws' });
    expect(readSnapshot(folder).target).toBe('aws');
  });

  it('diffs arrays by index and scalars by value', () => {
    expect(diffJson({ a: [1, 2] }, { a: [1, 3, 4] })).toEqual([
      'a[1]: recorded 2, got 3',
      'a[2]: not in the recording, got 4',
    ]);
    expect(diffJson('x', { y: 1 })).toEqual(['(root): recorded "x", got {"y":1}']);
  });
});

describe('long texts', () => {
  it('show where they part', () => {
    const recorded = `${'a'.repeat(100)}host:localhost:1234\n${'b'.repeat(100)}`;
    const actual = `${'a'.repeat(100)}host:localhost:9999\n${'b'.repeat(100)}`;
    expect(diffJson({ message: recorded }, { message: actual })).toEqual([
      'message: differs from character 115: ' +
        `recorded "…${'a'.repeat(25)}host:localhost:1234\\n${'b'.repeat(55)}…", ` +
        `got "…${'a'.repeat(25)}host:localhost:9999\\n${'b'.repeat(55)}…"`,
    ]);
  });
});
