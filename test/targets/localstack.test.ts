import { describe, expect, it } from 'vitest';
import { allContracts } from '../../contracts/index.js';
import { runTarget } from '../../src/runner/run-target.js';
import { localstackPrerequisites, localstackTarget } from '../../src/targets/localstack.js';

describe('the localstack target', () => {
  it('without a container runtime or a token, is not run and says which and how to fix it', async () => {
    const env = { PATH: process.env.PATH ?? '' };
    const missing = await localstackPrerequisites(env);
    expect(
      missing.some(
        (reason) => reason.startsWith('no LOCALSTACK_AUTH_TOKEN') && reason.includes('export LOCALSTACK_AUTH_TOKEN='),
      ),
    ).toBe(true);
    const run = await runTarget(localstackTarget({ region: 'us-east-1', env }), { contracts: allContracts });
    expect(run.state).toBe('unavailable');
    expect(run.results).toEqual([]);
    expect(run.reason).toContain('no LOCALSTACK_AUTH_TOKEN');
    if (missing.some((reason) => reason.startsWith('no container runtime'))) {
      expect(run.reason).toMatch(/no container runtime .*start Docker/);
    }
  });
});
