import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allContracts } from '../../contracts/index.js';
import { readStackFile } from '../../src/stack/stack-file.js';
import { runTarget } from '../../src/runner/run-target.js';
import type { Target } from '../../src/targets/target.js';
import { embeddedTarget } from '../../src/targets/embedded.js';

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'idpool-stack-')), 'stack.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('--stack FILE', () => {
  it('reads an existing stack, deriving the API id, stage and role name', () => {
    const stack = readStackFile(
      file({
        region: 'eu-west-1',
        identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555',
        developerProviderName: 'login.example',
        apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/',
        authenticatedRoleArn: 'arn:aws:iam::123456789012:role/service/App_Auth',
      }),
    );
    expect(stack).toMatchObject({
      restApiId: 'a1b2c3d4e5',
      stage: 'prod',
      apiUrl: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod',
      authenticatedRoleName: 'App_Auth',
      helloPath: '/hello',
    });
    expect(stack).not.toHaveProperty('deniedPath');
  });

  it('says what is wrong with a bad file', () => {
    expect(() => readStackFile(file({ region: 'us-east-1' }))).toThrow(/identityPoolId: .*; developerProviderName/);
    expect(() =>
      readStackFile(file({ region: 'us-east-1', identityPoolId: 'x', developerProviderName: 'y', extra: 1 })),
    ).toThrow(/Unrecognized key/);
  });

  it('runs the contracts against the given stack without creating or changing one', async () => {
    const embedded = embeddedTarget();
    // A stack that names only a pool that does not exist: the creation contracts and those needing other parts are not
    // run.
    const target: Target = {
      name: 'given',
      kind: 'aws',
      start: async () => ({
        ...(await embedded.start()),
        name: 'given',
        existingStack: {
          identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000001',
          developerProviderName: 'login.example',
        },
      }),
    };
    const run = await runTarget(target, { contracts: allContracts });
    const byId = (id: string) => run.results.find((result) => result.id === id);
    expect(byId('create-identity-pool.response')?.reason).toMatch(/^the stack was given/);
    expect(byId('create-lambda.duplicate-statement-id')?.reason).toMatch(
      /^it would change the stack given with --stack/,
    );
    expect(byId('create-lambda.get-function')?.reason).toBe('the stack file does not give functionName');
    expect(byId('create-identity-pool.unknown-pool')?.verdict).toBe('passed');
    expect(byId('create-identity-pool.describe')?.verdict).toBe('failed');
  });
});
