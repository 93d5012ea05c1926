/**
 * The public contract of idpool's IAM policy evaluator (emulator/auth/policy/).
 *
 * Everything that decides "may this principal do this action on this resource" goes through
 * `evaluate()`: role trust policies (sts:AssumeRoleWithWebIdentity, sts:AssumeRole), identity policies
 * (a role's inline and attached managed policies) and resource policies (an API's resource policy).
 */

/** A policy document after JSON.parse and validation by `parsePolicyDocument`. */
export interface PolicyDocument {
  Version?: '2012-10-17' | '2008-10-17';
  Id?: string;
  Statement: PolicyStatement[];
}

export type StringOrList = string | string[];

/** `"*"` or a map of principal type to one or more identifiers. */
export type PrincipalBlock = '*' | Partial<Record<'AWS' | 'Federated' | 'Service' | 'CanonicalUser', StringOrList>>;

/** Operator (with optional `ForAnyValue:`/`ForAllValues:` prefix and `IfExists` suffix) → key → values. */
export type ConditionBlock = Record<
  string,
  Record<string, StringOrList | boolean | number | (boolean | number | string)[]>
>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: StringOrList;
  NotAction?: StringOrList;
  Resource?: StringOrList;
  NotResource?: StringOrList;
  Principal?: PrincipalBlock;
  NotPrincipal?: PrincipalBlock;
  Condition?: ConditionBlock;
}

/** Who is asking. Principal matching compares these against a statement's Principal/NotPrincipal. */
export type RequestPrincipal =
  | {
      kind: 'aws';
      /** The principal's ARN as policies name it: `arn:aws:iam::<acct>:root`, `arn:aws:iam::<acct>:role/<name>`,
       * or for a role session `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
      arn: string;
      accountId: string;
      /** For an assumed-role session, the role's own ARN (a Principal naming the role matches its sessions). */
      roleArn?: string;
    }
  | { kind: 'federated'; provider: string }
  | { kind: 'service'; service: string }
  | { kind: 'anonymous' };

/** A context value as condition operators see it: single-valued or multivalued keys. */
export type ContextValue = string | string[] | number | boolean;

interface AuthorizationRequest {
  principal: RequestPrincipal;
  /** `service:Action`, e.g. `execute-api:Invoke`; matched case-insensitively as AWS does. */
  action: string;
  /** The resource ARN, e.g. `arn:aws:execute-api:us-east-1:000000000000:abc123/dev/GET/hello`. */
  resource: string;
  /** Condition keys, e.g. `aws:CurrentTime`, `aws:SourceIp`, `cognito-identity.amazonaws.com:aud`. Keys are
   * case-insensitive. Also the source of policy variables (`${aws:username}`). */
  context: Record<string, ContextValue>;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export interface EvaluationInput {
  request: AuthorizationRequest;
  /** Identity-based policies attached to the principal (inline and managed). */
  identityPolicies: PolicyDocument[];
  /** The resource-based policy (a role's trust policy, an API's resource policy), if any. */
  resourcePolicy?: PolicyDocument;
  /** The account that owns the resource; same-account requests need identity OR resource allow, cross-account both. */
  resourceAccountId?: string;
  /**
   * What `resourcePolicy` is; `'resource'` when omitted. A `'trust'` policy (a role's trust policy) must allow
   * the request itself even within one account: naming the principal allows it, naming only its account
   * (`arn:aws:iam::<acct>:root`) also needs an identity-policy allow. An identity-policy allow alone is not enough.
   */
  resourcePolicyKind?: 'resource' | 'trust';
}

export interface EvaluationResult {
  decision: Decision;
  /** The statements that decided it (the denying ones for ExplicitDeny, the allowing ones for Allow). */
  decisiveStatements: { source: 'identity' | 'resource'; policyIndex: number; statementIndex: number; sid?: string }[];
}
