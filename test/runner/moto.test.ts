import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allContracts } from '../../contracts/index.js';
import { renderMarkdown } from '../../src/reporters/markdown.js';
import type { RunReport, TargetRun } from '../../src/runner/results.js';
import { runContracts } from '../../src/runner/run-all.js';
import { embeddedTarget } from '../../src/targets/embedded.js';
import { endpointTarget } from '../../src/targets/endpoint.js';
import { startProcess, which, type RunningProcess } from '../support/child-processes.js';

const motoServer = which('moto_server');

describe.skipIf(!motoServer)(
  `the endpoint target against moto${motoServer ? '' : ' (skipped: moto_server is not installed)'}`,
  () => {
    let moto: RunningProcess;
    let report: RunReport;
    let run: TargetRun;

    beforeAll(async () => {
      moto = await startProcess(
        motoServer as string,
        ['-H', '127.0.0.1', '-p0'],
        /Running on (http:\/\/127\.0\.0\.1:\d+)/,
      );
      report = await runContracts(
        [
          embeddedTarget(),
          endpointTarget({ name: 'moto', endpoint: moto.url, region: 'us-east-1', executeApiUrlStyle: 'host' }),
        ],
        { contracts: allContracts },
      );
      run = report.targets[1] as TargetRun;
    }, 120_000);
    afterAll(async () => {
      await moto?.stop();
    });

    const result = (id: string) => run.results.find((candidate) => candidate.id === id);

    it('completes every contract without crashing', () => {
      expect(run.state).toBe('ran');
      expect(run.results).toHaveLength(allContracts.length);
      expect(
        run.results.filter((candidate) =>
          candidate.differences.some((difference) => difference.startsWith('the contract could not complete')),
        ),
      ).toEqual([]);
      for (const failed of run.results.filter((candidate) => candidate.verdict === 'failed')) {
        expect(failed.differences.length).toBeGreaterThan(0);
        for (const difference of failed.differences) expect(difference.length).toBeLessThan(600);
      }
    });

    it("marks moto's real deviations as failures with readable differences", () => {
      expect(result('get-open-id-token-for-developer-identity.issued')).toMatchObject({
        verdict: 'failed',
        differences: [expect.stringContaining('the token is not a compact JWT')],
      });
      expect(result('get-open-id-token-for-developer-identity.same-user-same-identity')?.differences[0]).toMatch(
        /^same IdentityId as the first call: IdentityId: expected "us-east-1:[0-9a-f-]+", got "us-east-1:[0-9a-f-]+"$/,
      );
      expect(result('set-identity-pool-roles.set-roles-response')).toMatchObject({
        verdict: 'failed',
        differences: [expect.stringMatching(/^expected a response, got .*\(500\)/)],
      });
      expect(result('get-credentials-for-identity.garbage-token')?.differences[0]).toMatch(
        /^expected the error NotAuthorizedException \(400\), got a 200 response .*"SecretKey":"<redacted>"/,
      );
      expect(result('signed-call.hello')?.verdict).toBe('failed');
    });

    it('reports the expiry contracts as not run for want of a movable clock', () => {
      for (const id of ['get-caller-identity.expired-credentials', 'signed-call.expired-credentials']) {
        expect(result(id)).toMatchObject({
          verdict: 'not-run',
          reason: expect.stringContaining('needs a movable clock'),
        });
      }
    });

    it('shows both targets in the parity matrix', () => {
      const row = renderMarkdown(report)
        .split('\n')
        .find((line) => line.startsWith('| `get-open-id-token-for-developer-identity.issued`'));
      expect(row).toMatch(
        new RegExp(
          /^\| `get-open-id-token-for-developer-identity\.issued` \| validated \| pass \| /.source +
            /FAIL: token claims: the token is not a compact JWT/.source,
        ),
      );
    });
  },
);
