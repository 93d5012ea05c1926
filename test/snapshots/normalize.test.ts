import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetRun } from '../../src/runner/results.js';
import { Normalizer } from '../../src/snapshots/normalize.js';
import { assertNoSecrets, snapshotOf, writeSnapshot } from '../../src/snapshots/snapshot-file.js';
import { recordedRun, recordedSnapshot, secretsOf } from './fixtures.js';

describe('snapshot normalization', () => {
  it('writes no secret key, session token or JWT of the run into the file', () => {
    const run = recordedRun();
    const secrets = secretsOf(run);
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    expect(secrets.some((secret) => secret.startsWith('eyJ'))).toBe(true);
    const path = writeSnapshot(mkdtempSync(join(tmpdir(), 'idpool-snapshot-')), snapshotOf(run));
    const written = readFileSync(path, 'utf8');
    for (const secret of secrets) expect(written.includes(secret)).toBe(false);
    expect(written).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(written).toContain('"SecretKey": "<secret-key>"');
    expect(written).toContain('"SessionToken": "<session-token>"');
    expect(written).toContain('x-amz-security-token:<session-token>');
  });

  it('replaces ids, keys, dates and the account by stable placeholders', () => {
    const { contracts } = snapshotOf(recordedRun());
    const issued = contracts['get-credentials-for-identity.issued']?.body as {
      IdentityId: string;
      Credentials: Record<string, string>;
    };
    expect(issued.IdentityId).toBe('<identity-id:1>');
    expect(issued.Credentials).toEqual({
      AccessKeyId: '<access-key-id:1>',
      SecretKey: '<secret-key>',
      SessionToken: '<session-token>',
      Expiration: '<datetime>',
    });
    expect(contracts['get-open-id-token-for-developer-identity.issued']?.body).toEqual({
      IdentityId: '<identity-id:1>',
      Token: '<token>',
    });
    expect(
      (contracts['get-open-id-token-for-developer-identity.other-user-other-identity']?.body as { IdentityId: string })
        .IdentityId,
    ).toBe('<identity-id:2>');
    expect((contracts['signed-call.hello']?.body as { cognitoIdentityId: string }).cognitoIdentityId).toBe(
      '<identity-id:1>',
    );
    expect(contracts['get-caller-identity.assumed-role']?.body).toEqual({
      UserId: '<user-id:1>',
      Account: '<account-id>',
      Arn: 'arn:aws:sts::<account-id>:assumed-role/idpool-<run-id>-auth/CognitoIdentityCredentials',
    });
    expect(contracts['signed-call.not-authorized']?.message).toMatch(
      /execute-api:<region>:\*{8}<account-last4>:<api-id>\/dev\/GET\/private$/,
    );
    expect(contracts['create-identity-pool.unknown-pool']?.message).toBe("IdentityPool '<region>:<uuid:1>' not found.");
  });

  it('gives the same snapshot as the recorded fixture (a run is reproducible once normalized)', () => {
    const recorded = recordedSnapshot();
    expect(snapshotOf(recordedRun(), recorded.recordedAt)).toEqual({ ...recorded, idpoolVersion: expect.any(String) });
  });

  it('numbers placeholders by first appearance and reuses them', () => {
    const normalizer = new Normalizer([['abc123', '<run-id>']], [['000000000000', '<account-id>']]);
    normalizer.learn({
      IdentityId: 'us-east-1:11111111-2222-3333-4444-555555555555',
      Other: { IdentityId: 'us-east-1:99999999-2222-3333-4444-555555555555' },
    });
    expect(
      normalizer.normalize({
        a: 'us-east-1:99999999-2222-3333-4444-555555555555',
        b: 'us-east-1:11111111-2222-3333-4444-555555555555 in idpool-abc123',
      }),
    ).toEqual({
      a: '<identity-id:2>',
      b: '<identity-id:1> in idpool-<run-id>',
    });
    expect(normalizer.normalizeText('arn:aws:iam::000000000000:role/x and 00000000-0000-0000-0000-000000000000')).toBe(
      'arn:aws:iam::<account-id>:role/x and <uuid:1>',
    );
    expect(normalizer.normalizeText('ASIAABCDEFGHIJKLMNOP then AROAABCDEFGHIJKLMNOP at 2026-01-02T03:04:05.000Z')).toBe(
      '<access-key-id:1> then <role-id:1> at <datetime>',
    );
  });

  it('refuses to write a snapshot that still holds a secret', () => {
    const run: TargetRun = recordedRun();
    const secret = secretsOf(run).find((value) => !value.startsWith('eyJ')) as string;
    expect(() => assertNoSecrets(`{"leak":"${secret}"}`, run)).toThrow(/secret key or session token/);
    expect(() => assertNoSecrets('{"leak":"eyJhbGciOi.eyJzdWIiOi.c2ln"}', run)).toThrow(/JWT/);
  });
});
