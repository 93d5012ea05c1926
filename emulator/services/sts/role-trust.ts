import { evaluate, type ContextValue, type RequestPrincipal } from '../../auth/policy/index.js';
import { requestTags } from '../../auth/authorization-spec.js';
import { storedPolicy } from '../../auth/stored-policies.js';
import type { RoleRecord } from '../../store/iam-store.js';

/** The condition keys every request carries. */
function globalContext(now: Date): Record<string, ContextValue> {
  return { 'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'), 'aws:EpochTime': Math.floor(now.getTime() / 1000) };
}

interface TrustRequest {
  role: RoleRecord;
  principal: RequestPrincipal;
  action: 'sts:AssumeRoleWithWebIdentity' | 'sts:AssumeRole' | 'sts:TagSession';
  context: Record<string, ContextValue>;
}

/** Whether the role's trust policy allows the request (a web identity has no identity policies). */
function trustAllows(request: TrustRequest): boolean {
  const trustPolicy = storedPolicy(request.role.assumeRolePolicy, 'trust');
  if (!trustPolicy) return false;
  const result = evaluate({
    request: { principal: request.principal, action: request.action, resource: request.role.arn, context: request.context },
    identityPolicies: [],
    resourcePolicy: trustPolicy,
    resourcePolicyKind: 'trust',
    resourceAccountId: request.role.accountId,
  });
  return result.decision === 'Allow';
}

export interface CognitoWebIdentity {
  poolId: string;
  identityId: string;
  amr: string[];
  /** Session tags the token carries (principal tags); they need `sts:TagSession` too. */
  tags: Record<string, string> | undefined;
}

/**
 * Whether a role trusts a Cognito identity: `sts:AssumeRoleWithWebIdentity` for the federated principal
 * `cognito-identity.amazonaws.com` with the token's `aud`, `sub` and (multivalued) `amr` as condition keys, plus
 * `sts:TagSession` when the token carries principal tags.
 */
export function trustsCognitoIdentity(role: RoleRecord, identity: CognitoWebIdentity, now: Date): boolean {
  const principal: RequestPrincipal = { kind: 'federated', provider: 'cognito-identity.amazonaws.com' };
  const context: Record<string, ContextValue> = {
    ...globalContext(now),
    'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
    'cognito-identity.amazonaws.com:aud': identity.poolId,
    'cognito-identity.amazonaws.com:sub': identity.identityId,
    'cognito-identity.amazonaws.com:amr': identity.amr,
  };
  if (!trustAllows({ role, principal, action: 'sts:AssumeRoleWithWebIdentity', context })) return false;
  if (!identity.tags) return true;
  return trustAllows({ role, principal, action: 'sts:TagSession', context: { ...context, ...requestTags(identity.tags) } });
}
