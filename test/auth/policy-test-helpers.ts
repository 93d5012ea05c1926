import { evaluate } from '../../emulator/auth/policy/index.js';
import type {
  ConditionBlock,
  ContextValue,
  Decision,
  EvaluationInput,
  PolicyDocument,
  PolicyStatement,
  RequestPrincipal,
} from '../../emulator/auth/policy/index.js';

export const ACCOUNT = '000000000000';
export const OTHER_ACCOUNT = '111111111111';
export const API_RESOURCE = `arn:aws:execute-api:us-east-1:${ACCOUNT}:abc123/dev/GET/hello`;

export const roleSession = (account = ACCOUNT, role = 'app', session = 'alice'): RequestPrincipal => ({
  kind: 'aws',
  arn: `arn:aws:sts::${account}:assumed-role/${role}/${session}`,
  accountId: account,
  roleArn: `arn:aws:iam::${account}:role/${role}`,
});

export function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

export function allow(extra: Partial<PolicyStatement> = {}): PolicyStatement {
  return { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*', ...extra };
}

export function deny(extra: Partial<PolicyStatement> = {}): PolicyStatement {
  return { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: '*', ...extra };
}

interface RequestOverrides {
  principal?: RequestPrincipal;
  action?: string;
  resource?: string;
  context?: Record<string, ContextValue>;
}

/** The decision for one identity policy (plus optional resource policy) on an execute-api request. */
export function decide(
  identityPolicies: PolicyDocument[],
  request: RequestOverrides = {},
  extra: Partial<Omit<EvaluationInput, 'request' | 'identityPolicies'>> = {},
): Decision {
  return evaluate({
    request: {
      principal: request.principal ?? roleSession(),
      action: request.action ?? 'execute-api:Invoke',
      resource: request.resource ?? API_RESOURCE,
      context: request.context ?? {},
    },
    identityPolicies,
    ...extra,
  }).decision;
}

/** The decision for a single-statement identity policy with this Condition block and request context. */
export function decideCondition(condition: ConditionBlock, context: Record<string, ContextValue>): Decision {
  return decide([policy(allow({ Condition: condition }))], { context });
}
