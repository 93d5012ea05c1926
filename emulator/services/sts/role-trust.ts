import { evaluate, parsePolicyDocument, type ContextValue, type PolicyDocument, type RequestPrincipal } from '../../auth/policy/index.js';
import type { PolicyDocumentKind } from '../../auth/policy/parse-policy-document.js';
import { LruCache } from '../../auth/policy/lru-cache.js';
import type { RoleRecord } from '../../store/iam-store.js';

/**
 * Parsed policies by kind and text: each is parsed once, so the evaluator's compiled form (kept per document) is
 * reused. Keyed by the text itself, not a string built from it: a text read again from a cached record is the same
 * string, whose hash V8 keeps.
 */
const parsedPolicies = new Map<PolicyDocumentKind, LruCache<string, PolicyDocument | false>>();

/** A stored policy, parsed; undefined for a document IAM would refuse (it grants nothing). */
export function parsedPolicy(text: string, kind: PolicyDocumentKind): PolicyDocument | undefined {
  let ofKind = parsedPolicies.get(kind);
  if (!ofKind) parsedPolicies.set(kind, (ofKind = new LruCache(2000)));
  const parsed = ofKind.getOrCreate(text, () => {
    try {
      return parsePolicyDocument(text, kind);
    } catch {
      return false;
    }
  });
  return parsed === false ? undefined : parsed;
}

/** The condition keys every request carries. */
export function globalContext(now: Date): Record<string, ContextValue> {
  return { 'aws:CurrentTime': now.toISOString().replace(/\.\d{3}Z$/, 'Z'), 'aws:EpochTime': Math.floor(now.getTime() / 1000) };
}

/** The keys a session-tagging request adds: `aws:RequestTag/<key>` and `aws:TagKeys`. */
export function requestTagContext(tags: Record<string, string>): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = { 'aws:TagKeys': Object.keys(tags) };
  for (const [key, value] of Object.entries(tags)) context[`aws:RequestTag/${key}`] = value;
  return context;
}

export interface TrustRequest {
  role: RoleRecord;
  principal: RequestPrincipal;
  action: 'sts:AssumeRoleWithWebIdentity' | 'sts:AssumeRole' | 'sts:TagSession';
  context: Record<string, ContextValue>;
  /** The caller's own identity policies (an IAM principal's), parsed. */
  identityPolicies?: PolicyDocument[];
}

/** Whether the role's trust policy (with the caller's identity policies, for IAM principals) allows the request. */
export function trustAllows(request: TrustRequest): boolean {
  const trustPolicy = parsedPolicy(request.role.assumeRolePolicy, 'trust');
  if (!trustPolicy) return false;
  const result = evaluate({
    request: { principal: request.principal, action: request.action, resource: request.role.arn, context: request.context },
    identityPolicies: request.identityPolicies ?? [],
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
  return trustAllows({ role, principal, action: 'sts:TagSession', context: { ...context, ...requestTagContext(identity.tags) } });
}
