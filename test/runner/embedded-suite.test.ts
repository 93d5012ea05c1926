import { describe, expect, it } from 'vitest';
import { allContracts } from '../../contracts/index.js';
import { targetSummary } from '../../src/reporters/pretty.js';
import { runTarget } from '../../src/runner/run-target.js';
import { embeddedTarget } from '../../src/targets/embedded.js';

describe('the contract suite on the embedded target', () => {
  // Its speed is `npm run bench`'s to measure (the contract-suite row), not a timed test's on a shared machine.
  it('passes every contract', async () => {
    const run = await runTarget(embeddedTarget(), { contracts: allContracts });
    process.stdout.write(`${targetSummary(run)}\n`);
    const notPassed = run.results
      .filter((result) => result.verdict !== 'passed')
      .map((result) => `${result.id}: ${result.reason ?? result.differences.join('; ')}`);
    expect(notPassed).toEqual([]);
    expect(run.results).toHaveLength(allContracts.length);
    expect(run.provisioningFailures).toEqual([]);
    expect(run.teardownFailures).toEqual([]);
  });

  it('serves execute-api in both URL styles', async () => {
    const run = await runTarget(embeddedTarget({ executeApiUrlStyle: 'path' }), {
      contracts: allContracts.filter((contract) =>
        /^(get-|signed-call\.hello|cors-preflight\.preflight)/.test(contract.id),
      ),
    });
    expect(run.stack?.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/restapis\/[a-z0-9]+\/dev\/_user_request_$/);
    expect(
      run.results
        .filter((result) => result.verdict !== 'passed')
        .map((result) => `${result.id}: ${result.differences.join('; ')}`),
    ).toEqual([]);
  });
});
