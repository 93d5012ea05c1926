import type { AuthorizationDecision, DecidingStatement, EvaluatedRequest, RequestContext } from '../request-context.js';
import type {
  AuthorizationScope,
  OperationAuthorization,
  Permission,
  ServiceAuthorization,
} from './authorization-spec.js';
import { partitionOf } from './authorization-spec.js';
import type { RoleSessionCaller } from './caller.js';
import { globalConditionKeys, requestPrincipal } from './condition-keys.js';
import { evaluate, type ContextValue, type EvaluationResult, type PolicyDocument } from './policy/index.js';
import { rolePermissionPolicies, type NamedPolicy } from './stored-policies.js';

/**
 * Authorizes one operation call as AWS does, once it is authenticated and its input validated: the account's root
 * keys may do everything (`root`), an operation AWS serves unsigned needs nothing (`unsigned`), and a session of a
 * role the emulator issued (Cognito, AssumeRole*, a Lambda execution role) must be allowed each permission its spec
 * names by the role's inline and attached policies, or the resource's own policy, an explicit Deny in either
 * winning. The decision is recorded on `context.authorization`; a refusal throws the service's AccessDenied.
 */
export function authorizeOperation(
  stores: AuthorizationScope['stores'],
  service: ServiceAuthorization,
  operation: string,
  input: unknown,
  context: RequestContext,
): void {
  const spec =
    service.operations[operation] ?? service.fallback?.(operation) ?? fallbackSpec(service.prefix, operation);
  const { caller } = context;
  if (context.authentication === 'unsigned' || spec.kind === 'unsigned' || !caller) {
    context.authorization = { outcome: 'unsigned', actions: [...spec.actions] };
    return;
  }
  if (caller.kind === 'root') {
    context.authorization = { outcome: 'root', actions: [...spec.actions] };
    return;
  }
  if (spec.kind === 'not-authorized') {
    context.authorization = { outcome: 'allow', actions: [...spec.actions] };
    return;
  }
  const scope: AuthorizationScope = {
    partition: partitionOf(context.region),
    region: context.region,
    accountId: context.accountId,
    caller,
    stores,
  };
  const permissions = spec.permissions(input as never, scope);
  const policies = rolePermissionPolicies(stores.iam, caller.accountId, caller.session.roleName);
  const documents = policies.map((policy) => policy.document);
  const baseContext = serviceCallContext(caller, context);
  const actions: string[] = [];
  let allowed: AuthorizationDecision | undefined;
  for (const permission of permissions) {
    actions.push(permission.action);
    const result = evaluatePermission(permission, caller, documents, baseContext);
    const decidedBy = decidingStatement(result, permission, policies);
    if (result.decision !== 'Allow') {
      const outcome = result.decision === 'ExplicitDeny' ? 'explicit-deny' : 'implicit-deny';
      const evaluation = evaluatedRequest(permission, caller, policies, baseContext);
      context.authorization = { outcome, actions, resource: permission.resource, decidedBy, evaluation };
      if (permission.refusal) throw permission.refusal(caller.arn);
      throw service.refusal(
        refusalMessage(permission, result, caller, policies, () =>
          identityAlone(permission, caller, documents, baseContext),
        ),
      );
    }
    allowed ??= { outcome: 'allow', actions, resource: permission.resource, decidedBy };
  }
  context.authorization = allowed ?? { outcome: 'allow', actions };
}

/** What a denial evaluated, kept for the console's explanation of it. */
function evaluatedRequest(
  permission: Permission,
  caller: RoleSessionCaller,
  policies: NamedPolicy[],
  baseContext: Record<string, ContextValue>,
): EvaluatedRequest {
  const evaluated: EvaluatedRequest['policies'] = [...policies];
  const resourcePolicy = permission.resourcePolicy;
  if (resourcePolicy) {
    evaluated.push({ kind: resourcePolicy.kind, name: resourcePolicy.owner, document: resourcePolicy.document });
  }
  return {
    policies: evaluated,
    action: permission.action,
    resource: permission.resource,
    context: permission.context ? { ...baseContext, ...permission.context } : baseContext,
    principal: requestPrincipal(caller),
  };
}

/** An operation without a spec is still checked, as `<prefix>:<Operation>` on every resource: never let through. */
function fallbackSpec(prefix: string, operation: string): OperationAuthorization {
  const action = `${prefix}:${operation}`;
  return { kind: 'checked', actions: [action], permissions: () => [{ action, resource: '*' }] };
}

/**
 * The global keys plus those every service call carries (IAM User Guide, global condition context keys):
 * `aws:RequestedRegion`, and `aws:PrincipalIsAWSService` / `aws:ViaAWSService` false (the caller signed it).
 */
export function serviceCallContext(
  caller: RoleSessionCaller,
  context: Pick<RequestContext, 'region' | 'sourceIp' | 'userAgent' | 'now'>,
): Record<string, ContextValue> {
  const keys = globalConditionKeys(caller, context);
  keys['aws:RequestedRegion'] = context.region;
  keys['aws:PrincipalIsAWSService'] = false;
  keys['aws:ViaAWSService'] = false;
  return keys;
}

function accountOfResource(permission: Permission, caller: RoleSessionCaller): string {
  if (permission.resourcePolicy) return permission.resourcePolicy.accountId;
  const account = permission.resource.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : caller.accountId;
}

function evaluatePermission(
  permission: Permission,
  caller: RoleSessionCaller,
  identityPolicies: PolicyDocument[],
  baseContext: Record<string, ContextValue>,
): EvaluationResult {
  return evaluate({
    request: {
      principal: requestPrincipal(caller),
      action: permission.action,
      resource: permission.resource,
      context: permission.context ? { ...baseContext, ...permission.context } : baseContext,
    },
    identityPolicies,
    resourcePolicy: permission.resourcePolicy?.document,
    resourcePolicyKind: permission.resourcePolicy?.kind,
    resourceAccountId: accountOfResource(permission, caller),
  });
}

/** Whether the caller's own policies would allow the permission within its account (for the refusal's wording). */
function identityAlone(
  permission: Permission,
  caller: RoleSessionCaller,
  identityPolicies: PolicyDocument[],
  baseContext: Record<string, ContextValue>,
) {
  const context = { ...baseContext, ...permission.context };
  const request = {
    principal: requestPrincipal(caller),
    action: permission.action,
    resource: permission.resource,
    context,
  };
  return evaluate({ request, identityPolicies, resourceAccountId: caller.accountId }).decision === 'Allow';
}

function decidingStatement(
  result: EvaluationResult,
  permission: Permission,
  policies: NamedPolicy[],
): DecidingStatement | undefined {
  const decisive = result.decisiveStatements[0];
  if (!decisive) return undefined;
  const statement = decisive.sid ?? String(decisive.statementIndex);
  if (decisive.source === 'resource') {
    const policy = permission.resourcePolicy;
    return { policyKind: policy?.kind ?? 'resource', policyName: policy?.owner ?? permission.resource, statement };
  }
  const policy = policies[decisive.policyIndex];
  return { policyKind: policy?.kind ?? 'inline', policyName: policy?.name ?? '', statement };
}

/**
 * AWS's wording (IAM User Guide, "Troubleshoot access denied error messages"): `User: <caller> is not authorized to
 * perform: <action> on resource: <resource> because no identity-based policy allows the <action> action`, or
 * `… with an explicit deny in an identity-based policy: <policy>` (the denying policy named since AWS's 2025
 * "Enhanced access denied error messages with policy ARNs": a managed policy's ARN, an inline policy's name as one
 * public capture shows [unverified for inline]) or `… in a resource-based policy`. Across accounts, when the caller's
 * own policies allow it, `because no resource-based policy allows …`. A role's trust policy refusing
 * sts:AssumeRole adds no reason (as captured: `…sts:AssumeRole on resource: arn:aws:iam::<account>:role/<name>`).
 */
function refusalMessage(
  permission: Permission,
  result: EvaluationResult,
  caller: RoleSessionCaller,
  policies: NamedPolicy[],
  identityAllows: () => boolean,
): string {
  const named = permission.named === undefined ? permission.resource : permission.named;
  const onResource = named === null ? '' : ` on resource: ${named}`;
  const base = `User: ${caller.arn} is not authorized to perform: ${permission.action}${onResource}`;
  if (permission.resourcePolicy?.kind === 'trust') return base;
  if (result.decision === 'ExplicitDeny') {
    const deny = result.decisiveStatements[0];
    if (deny?.source === 'resource') return `${base} with an explicit deny in a resource-based policy`;
    const policy = deny ? policies[deny.policyIndex] : undefined;
    return `${base} with an explicit deny in an identity-based policy${policy ? `: ${policy.name}` : ''}`;
  }
  const crossAccount = accountOfResource(permission, caller) !== caller.accountId;
  const kind = crossAccount && identityAllows() ? 'resource-based' : 'identity-based';
  return `${base} because no ${kind} policy allows the ${permission.action} action`;
}
