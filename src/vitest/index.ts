import { afterAll, beforeAll, describe, test } from 'vitest';
import { allContracts } from '../../contracts/index.js';
import type { Contract } from '../../contracts/types.js';
import { openScenario, startTarget, type Scenario } from '../runner/scenario.js';
import { embeddedTarget } from '../targets/embedded.js';
import { endpointTarget } from '../targets/endpoint.js';
import type { ExecuteApiUrlStyle, Target } from '../targets/target.js';

export interface ContractTestOptions {
  /** `embedded` (the default), an endpoint URL (`http://localhost:4566`), or any Target (localstack, aws …). */
  target?: 'embedded' | `http://${string}` | `https://${string}` | Target;
  region?: string;
  /** For an endpoint URL: how it serves execute-api (host unless told). */
  executeApiUrlStyle?: Exclude<ExecuteApiUrlStyle, 'aws'>;
  /** A subset of the contracts (all by default), e.g. `allContracts.filter(c => c.step === 'signed-call')`. */
  contracts?: readonly Contract[];
  /** Time for starting the target and provisioning (ms). */
  setupTimeout?: number;
}

function resolveTarget(options: ContractTestOptions): Target {
  const target = options.target ?? 'embedded';
  if (typeof target !== 'string') return target;
  if (target === 'embedded') return embeddedTarget({ ...(options.region ? { region: options.region } : {}) });
  return endpointTarget({
    endpoint: target,
    region: options.region ?? 'us-east-1',
    executeApiUrlStyle: options.executeApiUrlStyle ?? 'host',
  });
}

/**
 * Defines one vitest test per contract on the chosen target, in your own suite:
 *
 *     import { defineContractTests } from 'idpool/vitest';
 *     defineContractTests({ target: 'embedded' });
 *
 * The stack is provisioned before the first test and torn down after the last. A contract that cannot run on the
 * target (a target that did not start, a clock that cannot move) is skipped with the reason.
 */
export function defineContractTests(options: ContractTestOptions = {}): void {
  const target = resolveTarget(options);
  const contracts = options.contracts ?? allContracts;
  describe.sequential(`idpool contracts on ${target.name}`, () => {
    let scenario: Scenario | undefined;
    let unavailable: string | undefined;
    beforeAll(async () => {
      const session = await startTarget(target);
      if (typeof session === 'string') unavailable = session;
      else scenario = await openScenario(session, { contracts });
    }, options.setupTimeout ?? 180_000);
    afterAll(async () => {
      const leftovers = (await scenario?.close()) ?? [];
      if (leftovers.length > 0)
        throw new Error(`teardown left resources behind (run idpool cleanup): ${leftovers.join('; ')}`);
    }, options.setupTimeout ?? 180_000);
    for (const contract of contracts) {
      test(`${contract.id} [${contract.status}] ${contract.title}`, async (context) => {
        if (!scenario) return context.skip(`target not started: ${unavailable ?? 'setup failed'}`);
        const result = await scenario.run(contract);
        if (result.verdict === 'not-run') return context.skip(result.reason ?? 'not run');
        if (result.verdict === 'failed')
          throw new Error(
            `${contract.id} does not hold on ${target.name}:\n  ${result.differences.join('\n  ')}\nsource: ` +
              `${contract.source.ref}`,
          );
      }, 60_000);
    }
  });
}

export { allContracts };
export type { Contract };
