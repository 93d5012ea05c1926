// Differential test: idpool's evaluator against @cloud-copilot/iam-simulate (AGPL-3.0, a devDependency that
// may only ever be imported from test/). Random policy/request pairs come from policy-oracle-cases.ts with a
// fixed, printed seed (override with IDPOOL_ORACLE_SEED); both must reach the same decision.
//
// Cases the oracle refuses as invalid (unknown action for the resource type, context keys it does not accept
// for the action, …) are not counted. Where the oracle and AWS's documentation disagree we follow the
// documentation and keep the corner out of the comparison:
//
// 1. `0.0.0.0/0`: the oracle matches no IPv4 address against a /0 network; CIDR /0 contains every address.
// 2. `ForAnyValue:…IfExists` with the key absent: the oracle answers false; AWS documents that IfExists makes
//    a condition true when the key is absent. (Not generated.)
// 3. `Null` with an empty list: the oracle treats `[]` as present; AWS documents an empty multivalued value as
//    a null data set (its guidance pairs ForAllValues with `Null: false` to exclude it). (Not generated.)
// 4. A wildcard in a resource ARN before the first `/` of the resource part (`arn:aws:execute-api:*:*:*/dev/*`):
//    the oracle requires that prefix literally; AWS matches `*` there as anywhere in a segment. (Not generated.)
// 5. Date operators comparing epoch seconds with ISO 8601: the oracle reads epoch values as milliseconds; AWS
//    documents epoch (Unix) time in seconds. (Never mixed in one comparison.)
// 6. ArnNotEquals/ArnNotLike whose value holds a policy variable without a value: the oracle counts it as "not
//    matched" (the condition holds), while for StringNotEquals/StringNotLike it fails the condition. We fail
//    both alike, as AWS warns an unresolvable variable may invalidate the statement. (Not generated.)
// 7. NotIpAddress comparing an IPv6 address with IPv4 networks (or the reverse): the oracle answers false; the
//    address lies outside every listed network, so NotIpAddress holds. (Filtered below.)
// 8. The specials `${*}`/`${?}` outside StringLike/StringNotLike: the oracle leaves them unsubstituted in
//    e.g. StringEquals; AWS documents that they "can be used in any string where you can use regular policy
//    variables". (Not generated.)
import fc from 'fast-check';
import { anonymousPrincipal, runSimulation, type SimulationRequestPrincipal } from '@cloud-copilot/iam-simulate';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../emulator/auth/policy/index.js';
import type { Decision, RequestPrincipal } from '../../emulator/auth/policy/index.js';
import { oracleCase, type OracleCase } from './policy-oracle-cases.js';

const DEFAULT_SEED = 20_261_126;
const seed = Number(process.env.IDPOOL_ORACLE_SEED ?? DEFAULT_SEED);
const GENERATED_CASES = 2_600;
const REQUIRED_COMPARED_CASES = 2_000;

const ORACLE_DECISIONS: Record<string, Decision> = {
  Allowed: 'Allow',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny',
};

function oraclePrincipal(principal: RequestPrincipal): SimulationRequestPrincipal {
  switch (principal.kind) {
    case 'aws':
      return principal.arn;
    case 'service':
      return principal.service;
    case 'federated':
      return principal.provider;
    case 'anonymous':
      return anonymousPrincipal;
  }
}

/** The oracle's decision, or undefined when it refuses the case or ignores part of its context. */
async function oracleDecision(testCase: OracleCase): Promise<Decision | undefined> {
  const response = await runSimulation(
    {
      request: {
        principal: oraclePrincipal(testCase.principal),
        action: testCase.action,
        resource: { resource: testCase.resource, accountId: testCase.resourceAccountId },
        contextVariables: testCase.context,
      },
      identityPolicies: testCase.identityPolicies.map((policy, index) => ({ name: `identity-${index}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: testCase.resourcePolicy,
    },
    {},
  );
  if (response.resultType !== 'single') return undefined;
  if ((response.result.ignoredContextKeys ?? []).length > 0) return undefined;
  return ORACLE_DECISIONS[response.overallResult];
}

function idpoolDecision(testCase: OracleCase): Decision {
  return evaluate({
    request: {
      principal: testCase.principal,
      action: testCase.action,
      resource: testCase.resource,
      context: testCase.context,
    },
    identityPolicies: testCase.identityPolicies,
    resourcePolicy: testCase.resourcePolicy,
    resourceAccountId: testCase.resourceAccountId,
    resourcePolicyKind: testCase.resourcePolicyKind,
  }).decision;
}

const isIpv6 = (value: string) => value.includes(':');

/** Deviation 7: NotIpAddress across address families. */
function comparesIpFamilies(testCase: OracleCase): boolean {
  const sourceIp = testCase.context['aws:SourceIp'];
  if (typeof sourceIp !== 'string') return false;
  const policies = [...testCase.identityPolicies, ...(testCase.resourcePolicy ? [testCase.resourcePolicy] : [])];
  return policies.some((policy) =>
    policy.Statement.some((statement) =>
      Object.entries(statement.Condition ?? {}).some(([operator, keys]) => {
        const networks = /^NotIpAddress/.test(operator) ? keys['aws:SourceIp'] : undefined;
        if (networks === undefined) return false;
        return [networks].flat().some((network) => isIpv6(String(network)) !== isIpv6(sourceIp));
      }),
    ),
  );
}

describe('policy evaluator against the iam-simulate oracle', () => {
  it(`agrees on at least ${REQUIRED_COMPARED_CASES} random policy/request pairs`, async () => {
    console.log(`policy oracle seed: ${seed} (set IDPOOL_ORACLE_SEED to change it)`);
    const tally = {
      compared: 0,
      refusedByOracle: 0,
      documentedDeviation: 0,
      decisions: { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 },
    };
    await fc.assert(
      fc.asyncProperty(oracleCase(), async (testCase) => {
        if (comparesIpFamilies(testCase)) {
          tally.documentedDeviation++;
          return;
        }
        const expected = await oracleDecision(testCase);
        if (expected === undefined) {
          tally.refusedByOracle++;
          return;
        }
        tally.compared++;
        tally.decisions[expected]++;
        expect(idpoolDecision(testCase)).toBe(expected);
      }),
      { seed, numRuns: GENERATED_CASES, endOnFailure: false },
    );
    console.log(`policy oracle tally: ${JSON.stringify(tally)}`);
    expect(tally.compared).toBeGreaterThanOrEqual(REQUIRED_COMPARED_CASES);
    for (const decision of ['Allow', 'ExplicitDeny', 'ImplicitDeny'] as const) {
      expect(tally.decisions[decision]).toBeGreaterThan(REQUIRED_COMPARED_CASES / 20);
    }
  }, 60_000);
});
