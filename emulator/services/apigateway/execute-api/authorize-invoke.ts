import type { Caller } from '../../../auth/caller.js';
import { globalConditionKeys, requestPrincipal } from '../../../auth/condition-keys.js';
import { evaluate, type ContextValue, type EvaluationResult, type PolicyDocument } from '../../../auth/policy/index.js';
import type {
  AuthorizationDecision,
  DecidingStatement,
  EvaluatedRequest,
  RequestContext,
} from '../../../request-context.js';
import type { EmulatorRuntime } from '../../../runtime.js';
import { policyDocument } from './policy-documents.js';

export interface InvokeAuthorization {
  /** The caller, undefined for a method with authorization NONE. */
  caller: Caller | undefined;
  /** `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>` */
  methodArn: string;
  region: string;
  apiAccountId: string;
  /** The resource policy of the deployment serving the request. */
  resourcePolicy: string | undefined;
  sourceIp: string;
  userAgent: string;
  now: Date;
}

/** The condition keys AWS sets for an execute-api:Invoke request: the global ones. */
function invokeContext(authorization: InvokeAuthorization): Record<string, ContextValue> {
  return globalConditionKeys(authorization.caller, authorization);
}

interface NamedPolicy {
  document: PolicyDocument;
  kind: 'inline' | 'managed';
  /** The inline policy's name, or the managed policy's ARN. */
  name: string;
}

/** The role's inline policies by name, then its attached ones by ARN (their default versions), parsed. */
function identityPolicies(runtime: EmulatorRuntime, caller: Caller): NamedPolicy[] {
  if (caller.kind !== 'role-session') return [];
  const named: NamedPolicy[] = [];
  const stored = runtime.iam.namedIdentityPolicies(caller.accountId, caller.session.roleName);
  for (const { kind, name, document: text } of stored) {
    const document = policyDocument(text, 'identity');
    if (document) named.push({ document, kind, name });
  }
  return named;
}

/** The first statement that decided, named as the request log shows it. */
function decidingStatement(
  result: EvaluationResult,
  policies: NamedPolicy[],
  methodArn: string,
): DecidingStatement | undefined {
  const decisive = result.decisiveStatements[0];
  if (!decisive) return undefined;
  const statement = decisive.sid ?? String(decisive.statementIndex);
  if (decisive.source === 'resource') {
    const [, , , region, , rest] = methodArn.split(':');
    const apiId = rest?.split('/')[0];
    return { policyKind: 'resource', policyName: `arn:aws:apigateway:${region}::/restapis/${apiId}`, statement };
  }
  const policy = policies[decisive.policyIndex];
  return policy && { policyKind: policy.kind, policyName: policy.name, statement };
}

function maskedArn(methodArn: string, accountId: string): string {
  return methodArn.replace(`:${accountId}:`, `:********${accountId.slice(-4)}:`);
}

/**
 * Decides execute-api:Invoke as AWS does: the caller's identity policies and the API's resource policy, an
 * explicit Deny winning. The account's root user needs no identity policy; an unsigned caller (authorization
 * NONE) is only checked when there is a resource policy, which must then allow it. Answers the refusal message,
 * or undefined when the call may proceed; the decision is recorded on the request's context.
 */
export function refusalOfInvoke(
  runtime: EmulatorRuntime,
  authorization: InvokeAuthorization,
  context?: Pick<RequestContext, 'authorization'>,
): string | undefined {
  const { caller, methodArn } = authorization;
  const decided = (outcome: AuthorizationDecision['outcome'], decidedBy?: DecidingStatement): void => {
    if (context) context.authorization = { outcome, actions: ['execute-api:Invoke'], resource: methodArn, decidedBy };
  };
  const resourcePolicy =
    authorization.resourcePolicy === undefined ? undefined : policyDocument(authorization.resourcePolicy, 'resource');
  if (!caller && !resourcePolicy) {
    decided('unsigned');
    return undefined;
  }
  const policies = caller ? identityPolicies(runtime, caller) : [];
  const result = evaluate({
    request: {
      principal: requestPrincipal(caller),
      action: 'execute-api:Invoke',
      resource: methodArn,
      context: invokeContext(authorization),
    },
    identityPolicies: policies.map((policy) => policy.document),
    resourcePolicy: resourcePolicy ?? undefined,
    resourceAccountId: authorization.apiAccountId,
  });
  const rootOfTheAccount = caller?.kind === 'root' && caller.accountId === authorization.apiAccountId;
  if (result.decision === 'Allow' || (result.decision === 'ImplicitDeny' && rootOfTheAccount)) {
    if (rootOfTheAccount) decided('root');
    else decided('allow', decidingStatement(result, policies, methodArn));
    return undefined;
  }
  const explicit = result.decision === 'ExplicitDeny';
  decided(explicit ? 'explicit-deny' : 'implicit-deny', decidingStatement(result, policies, methodArn));
  if (context?.authorization) {
    context.authorization.evaluation = evaluated(authorization, policies, resourcePolicy ?? undefined);
  }
  const resource = maskedArn(methodArn, authorization.apiAccountId);
  const who = caller?.arn ?? 'anonymous';
  const denial = explicit ? ' with an explicit deny' : '';
  return `User: ${who} is not authorized to perform: execute-api:Invoke on resource: ${resource}${denial}`;
}

/** What a denial evaluated, kept for the console's explanation of it. */
function evaluated(
  authorization: InvokeAuthorization,
  policies: NamedPolicy[],
  resourcePolicy: PolicyDocument | undefined,
): EvaluatedRequest {
  const all: EvaluatedRequest['policies'] = [...policies];
  const [, , , region, , rest] = authorization.methodArn.split(':');
  const apiArn = `arn:aws:apigateway:${region}::/restapis/${rest?.split('/')[0]}`;
  if (resourcePolicy) all.push({ kind: 'resource', name: apiArn, document: resourcePolicy });
  const { caller, methodArn } = authorization;
  const request = { principal: requestPrincipal(caller), action: 'execute-api:Invoke', resource: methodArn };
  return { ...request, context: invokeContext(authorization), policies: all };
}
