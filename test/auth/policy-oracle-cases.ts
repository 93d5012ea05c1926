import fc from 'fast-check';
import type {
  ConditionBlock,
  PolicyDocument,
  PolicyStatement,
  PrincipalBlock,
  RequestPrincipal,
} from '../../emulator/auth/policy/index.js';

/**
 * Random policy/request pairs for the oracle comparison. Everything is drawn from a small, realistic
 * vocabulary so that actions, resources, principals and condition values match often enough for the
 * comparison to exercise allows, denies and every combination rule, not just "nothing applies".
 */

const ACCOUNT = '000000000000';
const OTHER_ACCOUNT = '111111111111';

export interface OracleCase {
  scenario: string;
  principal: RequestPrincipal;
  action: string;
  resource: string;
  resourceAccountId: string;
  context: Record<string, string | string[]>;
  identityPolicies: PolicyDocument[];
  resourcePolicy?: PolicyDocument;
  resourcePolicyKind: 'resource' | 'trust';
}

const session = (account: string, role: string, name: string): RequestPrincipal => ({
  kind: 'aws',
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${name}`,
  accountId: account,
  roleArn: `arn:aws:iam::${account}:role/${role}`,
});
const AWS_PRINCIPALS: RequestPrincipal[] = [
  session(ACCOUNT, 'app', 'alice'),
  session(OTHER_ACCOUNT, 'partner', 'bob'),
  { kind: 'aws', arn: `arn:aws:iam::${ACCOUNT}:user/alice`, accountId: ACCOUNT },
];
const SERVICE: RequestPrincipal = { kind: 'service', service: 'apigateway.amazonaws.com' };
const COGNITO: RequestPrincipal = { kind: 'federated', provider: 'cognito-identity.amazonaws.com' };

interface Scenario {
  name: string;
  action: string;
  /** Action patterns a statement may use: matching ones, near misses, other services. */
  actionPatterns: string[];
  resources: (account: string) => string[];
  resourcePatterns: string[];
  principals: RequestPrincipal[];
  trust: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'execute-api',
    action: 'execute-api:Invoke',
    actionPatterns: [
      'execute-api:Invoke',
      'EXECUTE-API:invoke',
      'execute-api:*',
      'execute-api:Inv?ke',
      'execute-api:Inv*',
      '*',
      'execute-api:ManageConnections',
      's3:GetObject',
      'lambda:*',
    ],
    resources: (account) =>
      ['dev/GET/hello', 'dev/POST/pets/1', 'prod/GET/hello'].map(
        (path) => `arn:aws:execute-api:us-east-1:${account}:abc123/${path}`,
      ),
    resourcePatterns: [
      '*',
      // Deviation 4 (see policy-oracle.test.ts): no wildcard before the first '/' of the resource part.
      'arn:aws:execute-api:*:*:abc123/dev/GET/*',
      'arn:aws:execute-api:*:*:abc123/prod/*',
      `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/*`,
      `arn:aws:execute-api:us-east-1:${OTHER_ACCOUNT}:abc123/*`,
      'arn:aws:execute-api:us-east-?:*:abc123/*/POST/*',
      `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/dev/GET/hello`,
      'arn:aws:execute-api:*:*:ABC123/*',
      'arn:aws:execute-api:*:*:*',
      'arn:aws:execute-api:*:*:abc123/${aws:PrincipalTag/stage}/*',
      "arn:aws:execute-api:*:*:abc123/${aws:PrincipalTag/stage, 'dev'}/*",
    ],
    principals: [...AWS_PRINCIPALS, SERVICE, { kind: 'anonymous' }],
    trust: false,
  },
  {
    name: 'lambda',
    action: 'lambda:InvokeFunction',
    actionPatterns: [
      'lambda:InvokeFunction',
      'lambda:invoke*',
      'lambda:*',
      '*',
      'lambda:GetFunction',
      'execute-api:Invoke',
    ],
    resources: (account) => [
      `arn:aws:lambda:us-east-1:${account}:function:orders`,
      `arn:aws:lambda:us-east-1:${account}:function:users`,
    ],
    resourcePatterns: [
      '*',
      'arn:aws:lambda:*:*:function:*',
      `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders`,
      'arn:aws:lambda:us-east-1:*:function:u?ers',
      `arn:aws:lambda:*:${OTHER_ACCOUNT}:function:*`,
      'arn:aws:lambda:*:*:function:${aws:username}',
      'arn:aws:lambda:*:*:function:${aws:PrincipalTag/team}*',
    ],
    principals: [...AWS_PRINCIPALS, SERVICE],
    trust: false,
  },
  {
    name: 's3',
    action: 's3:GetObject',
    actionPatterns: ['s3:GetObject', 's3:Get*', 's3:*', '*', 's3:PutObject', 's3:getobject'],
    resources: () => [
      'arn:aws:s3:::home-bucket/alice/notes.txt',
      'arn:aws:s3:::home-bucket/bob/a.txt',
      'arn:aws:s3:::data-bucket/x',
    ],
    resourcePatterns: [
      '*',
      'arn:aws:s3:::home-bucket/*',
      'arn:aws:s3:::home-bucket/${aws:username}/*',
      "arn:aws:s3:::home-bucket/${aws:username, 'bob'}/*",
      'arn:aws:s3:::*/x',
      'arn:aws:s3:::home-bucket/?ob/*',
      'arn:aws:s3:::data-bucket',
    ],
    principals: AWS_PRINCIPALS,
    trust: false,
  },
  {
    name: 'sts-assume-role',
    action: 'sts:AssumeRole',
    actionPatterns: ['sts:AssumeRole', 'sts:Assume*', 'sts:*', '*', 'sts:AssumeRoleWithWebIdentity'],
    resources: (account) => [`arn:aws:iam::${account}:role/target`],
    resourcePatterns: [
      '*',
      'arn:aws:iam::*:role/target',
      `arn:aws:iam::${ACCOUNT}:role/*`,
      'arn:aws:iam::*:role/other',
    ],
    principals: AWS_PRINCIPALS,
    trust: true,
  },
  {
    name: 'sts-web-identity',
    action: 'sts:AssumeRoleWithWebIdentity',
    actionPatterns: ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRole*', 'sts:*', 'sts:AssumeRole'],
    resources: (account) => [`arn:aws:iam::${account}:role/cognito-authenticated`],
    resourcePatterns: ['*'],
    principals: [COGNITO],
    trust: true,
  },
];

type ValueType = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'arn';

interface ContextKeySpec {
  key: string;
  type: ValueType;
  multivalued?: boolean;
  requestValues: string[];
  policyValues: string[];
  /** Only sent with these scenarios (the oracle refuses keys an action does not support). */
  scenarios?: string[];
}

const EXECUTE_API_ARN = `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/dev/GET/hello`;
const CONTEXT_KEYS: ContextKeySpec[] = [
  {
    key: 'aws:username',
    type: 'string',
    requestValues: ['alice', 'bob', 'Alice'],
    policyValues: [
      'alice',
      'bob',
      'ALICE',
      'al*',
      '?ob',
      '*',
      '${aws:PrincipalTag/team}',
      "${aws:PrincipalTag/team, 'alice'}",
    ],
  },
  {
    key: 'aws:PrincipalTag/team',
    type: 'string',
    requestValues: ['blue', 'red', 'alice', 'b*e?'],
    policyValues: ['blue', 'red', 'Blue', 'b*', '${aws:username}', 'b${*}e${?}', 'b${*}*'],
  },
  {
    key: 'aws:PrincipalTag/stage',
    type: 'string',
    requestValues: ['dev', 'prod'],
    policyValues: ['dev', 'prod', 'd*'],
  },
  {
    key: 'cognito-identity.amazonaws.com:aud',
    type: 'string',
    requestValues: ['us-east-1:pool-a', 'us-east-1:pool-b'],
    policyValues: ['us-east-1:pool-a', 'us-east-1:*'],
    scenarios: ['sts-web-identity', 'sts-assume-role'],
  },
  {
    key: 'cognito-identity.amazonaws.com:amr',
    type: 'string',
    requestValues: ['authenticated', 'unauthenticated'],
    policyValues: ['authenticated', 'unauth*'],
    scenarios: ['sts-web-identity', 'sts-assume-role'],
  },
  {
    key: 'aws:TagKeys',
    type: 'string',
    multivalued: true,
    requestValues: ['env', 'team', 'cost'],
    policyValues: ['env', 'team', 't*', 'cost'],
  },
  {
    key: 'aws:CalledVia',
    type: 'string',
    multivalued: true,
    requestValues: ['athena.amazonaws.com', 'dynamodb.amazonaws.com'],
    policyValues: ['athena.amazonaws.com', '*.amazonaws.com', 'dynamodb.amazonaws.com'],
  },
  {
    key: 'aws:MultiFactorAuthAge',
    type: 'numeric',
    requestValues: ['0', '300', '3600', '300.5'],
    policyValues: ['300', '3600', '0'],
  },
  // Deviation 5 (see policy-oracle.test.ts): ISO 8601 and epoch values are never compared with each other.
  {
    key: 'aws:CurrentTime',
    type: 'date',
    requestValues: ['2026-01-01T00:00:00Z', '2026-06-01T12:00:00Z', '2025-12-31T23:59:59Z'],
    policyValues: ['2026-01-01T00:00:00Z', '2026-06-01T12:00:00Z', '2026-01-01', '2026-01-01T01:00:00+01:00'],
  },
  {
    key: 'aws:EpochTime',
    type: 'date',
    requestValues: ['1767225600', '1767225599', '1767225601'],
    policyValues: ['1767225600', '1767225599'],
  },
  { key: 'aws:SecureTransport', type: 'bool', requestValues: ['true', 'false'], policyValues: ['true', 'false'] },
  {
    key: 'aws:MultiFactorAuthPresent',
    type: 'bool',
    requestValues: ['true', 'false'],
    policyValues: ['true', 'false'],
  },
  {
    key: 'aws:SourceIp',
    type: 'ip',
    requestValues: ['203.0.113.10', '198.51.100.7', '2001:db8::1', '10.1.2.3'],
    // Deviation 1 (see policy-oracle.test.ts): no /0 networks.
    policyValues: ['203.0.113.0/24', '10.0.0.0/8', '2001:db8::/32', '198.51.100.7/32', '203.0.113.10'],
  },
  {
    key: 'aws:SourceArn',
    type: 'arn',
    requestValues: [EXECUTE_API_ARN, `arn:aws:lambda:us-east-1:${OTHER_ACCOUNT}:function:orders`],
    policyValues: [
      'arn:aws:execute-api:*:*:abc123/*',
      `arn:aws:lambda:*:${OTHER_ACCOUNT}:function:*`,
      EXECUTE_API_ARN,
      'arn:aws:*:*:*:*',
      'arn:aws:lambda:*:*:function:${aws:username}',
    ],
  },
];

const OPERATORS: Record<ValueType, string[]> = {
  string: [
    'StringEquals',
    'StringNotEquals',
    'StringEqualsIgnoreCase',
    'StringNotEqualsIgnoreCase',
    'StringLike',
    'StringNotLike',
  ],
  numeric: [
    'NumericEquals',
    'NumericNotEquals',
    'NumericLessThan',
    'NumericLessThanEquals',
    'NumericGreaterThan',
    'NumericGreaterThanEquals',
  ],
  date: [
    'DateEquals',
    'DateNotEquals',
    'DateLessThan',
    'DateLessThanEquals',
    'DateGreaterThan',
    'DateGreaterThanEquals',
  ],
  bool: ['Bool'],
  ip: ['IpAddress', 'NotIpAddress'],
  arn: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'],
};

const keysFor = (scenario: Scenario) =>
  CONTEXT_KEYS.filter((spec) => !spec.scenarios || spec.scenarios.includes(scenario.name));

interface ConditionEntry {
  operator: string;
  key: string;
  values: string[];
}

function conditionEntry(scenario: Scenario): fc.Arbitrary<ConditionEntry> {
  return fc.constantFrom(...keysFor(scenario)).chain((spec) =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .record({
            base: fc.constantFrom(...OPERATORS[spec.type]),
            ifExists: fc.boolean(),
            setOperator: spec.multivalued ? fc.constantFrom('ForAnyValue:', 'ForAllValues:', '') : fc.constant(''),
            values: fc.uniqueArray(fc.constantFrom(...spec.policyValues), { minLength: 1, maxLength: 2 }),
          })
          .map(({ base, ifExists, setOperator, values }) => ({
            // Deviation 2 (see policy-oracle.test.ts): no IfExists together with ForAnyValue.
            operator: `${setOperator}${base}${ifExists && setOperator !== 'ForAnyValue:' ? 'IfExists' : ''}`,
            key: spec.key,
            values: comparableValues(base, values, spec),
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('true', 'false')
          .map((value) => ({ operator: 'Null', key: spec.key, values: [value] })),
      },
    ),
  );
}

/**
 * Deviation 6 (see policy-oracle.test.ts): no policy variables under ArnNotEquals/ArnNotLike.
 * Deviation 8: the specials `${*}` and `${?}` only under StringLike/StringNotLike.
 */
function comparableValues(baseOperator: string, values: string[], spec: ContextKeySpec): string[] {
  const kept = values.filter((value) => {
    if (/^ArnNot/.test(baseOperator)) return !value.includes('${');
    if (!/^String(Not)?Like$/.test(baseOperator)) return !/\$\{[*?]\}/.test(value);
    return true;
  });
  return kept.length > 0 ? kept : [spec.policyValues[0]];
}

function conditionBlock(scenario: Scenario): fc.Arbitrary<ConditionBlock | undefined> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constant([] as ConditionEntry[]) },
      { weight: 4, arbitrary: fc.array(conditionEntry(scenario), { minLength: 1, maxLength: 3 }) },
    )
    .map((entries) => {
      if (entries.length === 0) return undefined;
      const block: ConditionBlock = {};
      for (const { operator, key, values } of entries) {
        block[operator] = { ...block[operator], [key]: values.length === 1 ? values[0] : values };
      }
      return block;
    });
}

const PRINCIPAL_BLOCKS: PrincipalBlock[] = [
  '*',
  { AWS: '*' },
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  { AWS: OTHER_ACCOUNT },
  { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
  { AWS: `arn:aws:sts::${ACCOUNT}:assumed-role/app/alice` },
  { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/partner` },
  { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { AWS: [OTHER_ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/app`] },
  { Service: 'apigateway.amazonaws.com' },
  { Federated: 'cognito-identity.amazonaws.com' },
];

const oneOrTwo = (values: string[]) =>
  fc
    .uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 })
    .map((list) => (list.length === 1 ? list[0] : list));

function statement(scenario: Scenario, kind: 'identity' | 'resource' | 'trust'): fc.Arbitrary<PolicyStatement> {
  return fc
    .record({
      effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Deny'),
      actions: oneOrTwo(scenario.actionPatterns),
      useNotAction: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      resources: kind === 'trust' ? fc.constant(undefined) : oneOrTwo(scenario.resourcePatterns),
      useNotResource: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
      principal: fc.constantFrom(...PRINCIPAL_BLOCKS),
      useNotPrincipal: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      condition: conditionBlock(scenario),
    })
    .map(({ effect, actions, useNotAction, resources, useNotResource, principal, useNotPrincipal, condition }) => {
      const result: PolicyStatement = { Effect: effect };
      if (useNotAction) result.NotAction = actions;
      else result.Action = actions;
      if (resources !== undefined) {
        if (useNotResource) result.NotResource = resources;
        else result.Resource = resources;
      }
      if (kind !== 'identity') {
        // AWS allows NotPrincipal only with Deny.
        if (useNotPrincipal && effect === 'Deny') result.NotPrincipal = principal;
        else result.Principal = principal;
      }
      if (condition) result.Condition = condition;
      return result;
    });
}

const document = (statements: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement: statements });

function requestContext(scenario: Scenario): fc.Arbitrary<Record<string, string | string[]>> {
  const entries = keysFor(scenario).map((spec) =>
    fc
      .option(
        spec.multivalued
          ? // Deviation 3 (see policy-oracle.test.ts): no empty lists.
            fc.subarray(spec.requestValues, { minLength: 1 })
          : fc.constantFrom(...spec.requestValues).map((value): string | string[] => value),
        { freq: 2 },
      )
      .map((value) => [spec.key, value] as const),
  );
  return fc.tuple(...entries).map((pairs) => {
    const context: Record<string, string | string[]> = {};
    for (const [key, value] of pairs) if (value !== null) context[key] = value;
    return context;
  });
}

export function oracleCase(): fc.Arbitrary<OracleCase> {
  return fc.constantFrom(...SCENARIOS).chain((scenario) =>
    fc
      .record({
        principal: fc.constantFrom(...scenario.principals),
        resourceAccountId: fc.constantFrom(ACCOUNT, ACCOUNT, OTHER_ACCOUNT),
        resourceIndex: fc.nat(),
        context: requestContext(scenario),
        identityPolicies: fc.array(
          fc.array(statement(scenario, 'identity'), { minLength: 1, maxLength: 3 }).map(document),
          {
            minLength: 0,
            maxLength: 2,
          },
        ),
        hasResourcePolicy: scenario.name === 'sts-web-identity' ? fc.constant(true) : fc.boolean(),
        resourceStatements: fc.array(statement(scenario, scenario.trust ? 'trust' : 'resource'), {
          minLength: 1,
          maxLength: 3,
        }),
      })
      .map((drawn): OracleCase => {
        const resources = scenario.resources(drawn.resourceAccountId);
        const principal = drawn.principal;
        const hasIdentityPolicies = principal.kind === 'aws' || principal.kind === 'service';
        return {
          scenario: scenario.name,
          principal,
          action: scenario.action,
          resource: resources[drawn.resourceIndex % resources.length],
          resourceAccountId: drawn.resourceAccountId,
          context: drawn.context,
          identityPolicies: hasIdentityPolicies ? drawn.identityPolicies : [],
          resourcePolicy: drawn.hasResourcePolicy ? document(drawn.resourceStatements) : undefined,
          resourcePolicyKind: scenario.trust ? 'trust' : 'resource',
        };
      }),
  );
}
