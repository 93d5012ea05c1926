import type { Caller } from '../../../auth/caller.js';
import { globalConditionKeys, requestPrincipal } from '../../../auth/condition-keys.js';
import { evaluate, type ContextValue, type PolicyDocument } from '../../../auth/policy/index.js';
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
export function invokeContext(authorization: InvokeAuthorization): Record<string, ContextValue> {
  return globalConditionKeys(authorization.caller, authorization);
}

function identityPolicies(runtime: EmulatorRuntime, caller: Caller): PolicyDocument[] {
  if (caller.kind !== 'role-session') return [];
  return runtime.iam
    .identityPolicyDocuments(caller.accountId, caller.session.roleName)
    .map((text) => policyDocument(text, 'identity'))
    .filter((document): document is PolicyDocument => document !== null);
}

function maskedArn(methodArn: string, accountId: string): string {
  return methodArn.replace(`:${accountId}:`, `:********${accountId.slice(-4)}:`);
}

/**
 * Decides execute-api:Invoke as AWS does: the caller's identity policies and the API's resource policy, an
 * explicit Deny winning. The account's root user needs no identity policy; an unsigned caller (authorization
 * NONE) is only checked when there is a resource policy, which must then allow it. Answers the refusal message,
 * or undefined when the call may proceed.
 */
export function refusalOfInvoke(runtime: EmulatorRuntime, authorization: InvokeAuthorization): string | undefined {
  const { caller } = authorization;
  const resourcePolicy = authorization.resourcePolicy === undefined ? undefined : policyDocument(authorization.resourcePolicy, 'resource');
  if (!caller && !resourcePolicy) return undefined;
  const result = evaluate({
    request: {
      principal: requestPrincipal(caller),
      action: 'execute-api:Invoke',
      resource: authorization.methodArn,
      context: invokeContext(authorization),
    },
    identityPolicies: caller ? identityPolicies(runtime, caller) : [],
    resourcePolicy: resourcePolicy ?? undefined,
    resourceAccountId: authorization.apiAccountId,
  });
  if (result.decision === 'Allow') return undefined;
  const rootOfTheAccount = caller?.kind === 'root' && caller.accountId === authorization.apiAccountId;
  if (result.decision === 'ImplicitDeny' && rootOfTheAccount) return undefined;
  const explicit = result.decision === 'ExplicitDeny' ? ' with an explicit deny' : '';
  return `User: ${caller?.arn ?? 'anonymous'} is not authorized to perform: execute-api:Invoke on resource: ${maskedArn(authorization.methodArn, authorization.apiAccountId)}${explicit}`;
}
