import type { AwsErrorOptions } from './errors.js';
import type { Caller } from './auth/caller.js';
import type { WireProtocol } from './errors.js';
import type { ContextValue, PolicyDocument, RequestPrincipal } from './auth/policy/index.js';

/**
 * What the emulator knows of one request, filled in as the request is understood: on arrival its id, time and
 * source; once an endpoint claims it, the protocol; once the protocol reads it, the service and operation; once it
 * is authenticated, the caller, region and account. Errors are written from it (the protocol, and for awsQuery the
 * service's XML namespace), so no layer has to guess who would have answered.
 */
export interface RequestContext {
  readonly requestId: string;
  /** The emulator clock when the request arrived. */
  readonly now: Date;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** The wire protocol of the endpoint that claimed the request. */
  protocol?: WireProtocol;
  /** The service's SigV4 signing name (`sts`, `iam`, `lambda`, …), once known. */
  service?: string;
  /** The namespace awsQuery writes into its XML, errors included; the service's own once it is known. */
  xmlNamespace?: string;
  /** The AWS action, once the protocol has found it. */
  operation?: string;
  /** The signature's credential-scope region once authenticated, else the emulator's region. */
  region: string;
  /** The caller's account once authenticated, else the emulator's account. */
  accountId: string;
  /** Undefined until authenticated, and for the operations AWS serves unsigned. */
  caller?: Caller;
  /** How the request was let in: a SigV4 signature, or none because AWS serves the operation unsigned. */
  authentication?: 'sigv4' | 'unsigned';
  /** The IAM decision on the request, once authorized (or refused). */
  authorization?: AuthorizationDecision;
  /** What the emulator computed for a signature it refused, so the user can compare it with their client's. */
  signatureMismatch?: { canonicalRequest: string; stringToSign: string };
  /** The error code the response carries, once an error was written. */
  errorCode?: string;
  /** The error's message, once an error was written. */
  errorMessage?: string;
  /** Credentials refused as expired: when they expired (epoch ms, emulator clock). */
  expired?: AwsErrorOptions['expired'];
  /** For execute-api: the API, stage, method and canonical path (below the stage) called. */
  executeApi?: { apiId: string; stage: string; method: string; path: string };
}

/** An IAM decision: what was asked, the outcome, and the statement that decided it. */
export interface AuthorizationDecision {
  /** `root` and `unsigned`: nothing was evaluated (the account's root keys; an operation AWS serves unsigned). */
  outcome: 'allow' | 'implicit-deny' | 'explicit-deny' | 'root' | 'unsigned';
  /** The IAM actions evaluated, e.g. `iam:CreateRole`, `execute-api:Invoke`. */
  actions: string[];
  /** The resource ARN evaluated. */
  resource?: string;
  /** For allow and explicit deny: the policy and statement that decided. */
  decidedBy?: DecidingStatement;
  /** For a denial: what was evaluated, so the console can show each statement's part (no secret in it). */
  evaluation?: EvaluatedRequest;
}

/** The policies a denial evaluated and the request they were evaluated for. */
export interface EvaluatedRequest {
  policies: { kind: DecidingStatement['policyKind']; name: string; document: PolicyDocument }[];
  action: string;
  resource: string;
  context: Record<string, ContextValue>;
  principal: RequestPrincipal;
}

export interface DecidingStatement {
  /** Where the policy lives: the role's inline or attached (managed) policies, or the resource's own policy. */
  policyKind: 'inline' | 'managed' | 'resource' | 'trust';
  /** The inline policy's name, the managed policy's ARN, or the resource's ARN. */
  policyName: string;
  /** The statement's Sid, else its index in the policy (from 0). */
  statement: string;
}

export interface ArrivedRequest {
  requestId: string;
  receivedAt: Date;
  sourceIp: string;
  userAgent: string;
}

/** A new request's context: what is known on arrival, with the emulator's region and account until it is signed. */
export function newRequestContext(
  arrived: ArrivedRequest,
  defaults: { region: string; accountId: string },
): RequestContext {
  return {
    requestId: arrived.requestId,
    now: arrived.receivedAt,
    sourceIp: arrived.sourceIp,
    userAgent: arrived.userAgent,
    region: defaults.region,
    accountId: defaults.accountId,
  };
}
