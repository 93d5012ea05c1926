import { evaluate, type ContextValue, type RequestPrincipal } from '../../auth/policy/index.js';
import { requestTags } from '../../auth/authorization-spec.js';
import { currentTime } from '../../auth/condition-keys.js';
import { storedPolicy } from '../../auth/stored-policies.js';
import type { RoleRecord } from '../../store/iam-store.js';

/** The condition keys every request carries. */
function globalContext(now: Date): Record<string, ContextValue> {
  return {
    'aws:CurrentTime': currentTime(now),
    'aws:EpochTime': Math.floor(now.getTime() / 1000),
  };
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
    request: {
      principal: request.principal,
      action: request.action,
      resource: request.role.arn,
      context: request.context,
    },
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
  return trustAllows({
    role,
    principal,
    action: 'sts:TagSession',
    context: { ...context, ...requestTags(identity.tags) },
  });
}

interface RawStatement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** StringLike's `*` and `?` wildcards. */
function likeMatches(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The values a statement's conditions give `key` (any operator; condition keys are case-insensitive). */
function conditionValues(statement: RawStatement, key: string): string[] {
  const values: string[] = [];
  for (const operands of Object.values(statement.Condition ?? {})) {
    for (const [name, value] of Object.entries(operands ?? {})) {
      if (name.toLowerCase() === key) values.push(...asList(value).map(String));
    }
  }
  return values;
}

/**
 * Why trustsCognitoIdentity refused, in words for the emulator's log (AWS answers every case with the same
 * InvalidIdentityPoolConfigurationException message, so the caller cannot tell which it was).
 */
export function cognitoTrustRefusal(role: RoleRecord, identity: CognitoWebIdentity, now: Date): string {
  if (!storedPolicy(role.assumeRolePolicy, 'trust')) return 'its trust policy is not a valid trust policy document';
  const principal: RequestPrincipal = { kind: 'federated', provider: 'cognito-identity.amazonaws.com' };
  const context: Record<string, ContextValue> = {
    ...globalContext(now),
    'aws:FederatedProvider': 'cognito-identity.amazonaws.com',
    'cognito-identity.amazonaws.com:aud': identity.poolId,
    'cognito-identity.amazonaws.com:sub': identity.identityId,
    'cognito-identity.amazonaws.com:amr': identity.amr,
  };
  if (trustAllows({ role, principal, action: 'sts:AssumeRoleWithWebIdentity', context })) {
    return 'the token carries principal tags and the trust policy does not allow sts:TagSession';
  }
  if (trustAllows({ role, principal, action: 'sts:AssumeRole', context })) {
    return 'its trust policy allows sts:AssumeRole, but Cognito assumes roles with sts:AssumeRoleWithWebIdentity';
  }
  const statements = asList((JSON.parse(role.assumeRolePolicy) as { Statement?: unknown }).Statement) as RawStatement[];
  const allows = statements.filter((statement) => statement.Effect === 'Allow');
  const cognito = 'cognito-identity.amazonaws.com';
  const federated = allows.filter((statement) => {
    const principal = statement.Principal as { Federated?: unknown } | undefined;
    return asList(principal?.Federated).includes(cognito);
  });
  if (federated.length === 0) {
    const principals = allows.map((statement) => JSON.stringify(statement.Principal ?? null)).join(', ');
    return `its trust policy does not trust the federated principal ${cognito} (it trusts ${principals || 'nobody'})`;
  }
  const audiences = federated.flatMap((statement) => conditionValues(statement, `${cognito}:aud`));
  if (audiences.length > 0 && !audiences.includes(identity.poolId)) {
    return `its ${cognito}:aud condition names ${audiences.join(', ')}, not this pool ${identity.poolId}`;
  }
  const amr = federated.flatMap((statement) => conditionValues(statement, `${cognito}:amr`));
  if (amr.length > 0 && !amr.some((wanted) => identity.amr.some((value) => likeMatches(wanted, value)))) {
    return `its ${cognito}:amr condition wants ${amr.join(', ')}; this identity's amr is ${identity.amr.join(', ')}`;
  }
  return 'its trust policy does not allow sts:AssumeRoleWithWebIdentity for this identity (a condition is not met)';
}
