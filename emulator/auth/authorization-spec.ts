import type { AwsError } from '../errors.js';
import type { EmulatorServices } from '../services/service-definition.js';
import type { RoleSessionCaller } from './caller.js';
import type { ContextValue, PolicyDocument } from './policy/index.js';

/**
 * What an emulated operation asks of IAM, as the Service Authorization Reference names it: the action(s), the
 * resource built from the validated input, and the condition keys AWS sets for it. Each service's specs live in
 * `emulator/services/<service>/authorization.ts`; `emulator/auth/authorize.ts` evaluates them.
 */
export type OperationAuthorization<Input = never> =
  /** AWS serves it unsigned (GetId, GetCredentialsForIdentity, …): nothing to evaluate. */
  | { kind: 'unsigned'; actions: readonly string[] }
  /** Signed, but no policy can refuse it (GetCallerIdentity). */
  | { kind: 'not-authorized'; actions: readonly string[]; reason: string }
  /** Evaluated for issued credentials: each permission in order, the first refused one answering. */
  | { kind: 'checked'; actions: readonly string[]; permissions(input: Input, scope: AuthorizationScope): Permission[] };

/** One action on one resource, with its condition keys (the global keys are added by the evaluation). */
export interface Permission {
  action: string;
  resource: string;
  /**
   * How the refusal names the resource when not by `resource`: IAM writes `role <name>` and `policy <arn>`;
   * null when it names none (`…is not authorized to perform: sts:GetAccessKeyInfo because…`).
   */
  named?: string | null;
  context?: Record<string, ContextValue>;
  /** The resource's own policy (a Lambda function's, a role's trust policy). */
  resourcePolicy?: ResourcePolicy;
  /** A refusal this service answers otherwise than with its AccessDenied (Cognito's for iam:PassRole). */
  refusal?: (callerArn: string) => AwsError;
}

export interface ResourcePolicy {
  document: PolicyDocument;
  kind: 'resource' | 'trust';
  /** The ARN of the resource that has it, as a decision names the policy. */
  owner: string;
  accountId: string;
}

/** What a spec may read to build its permissions: the request's scope and the stores (read only). */
export interface AuthorizationScope {
  partition: string;
  region: string;
  accountId: string;
  caller: RoleSessionCaller;
  stores: Pick<EmulatorServices, 'iam' | 'lambdaStore' | 'cognito' | 'apigateway'>;
}

/** A service's specs and how it refuses. */
export interface ServiceAuthorization {
  /** The service's IAM prefix (`iam`, `lambda`, `cognito-identity`, …). */
  prefix: string;
  // biome-ignore lint/suspicious/noExplicitAny: each spec reads its own operation's input type.
  operations: Record<string, OperationAuthorization<any>>;
  /** The spec of an operation the record lacks; else `<prefix>:<Operation>` on every resource (never let through). */
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  fallback?: (operation: string) => OperationAuthorization<any>;
  refusal(message: string): AwsError;
}

export function unsigned(...actions: string[]): OperationAuthorization {
  return { kind: 'unsigned', actions };
}

export function checked<Input>(
  actions: readonly string[],
  permissions: (input: Input, scope: AuthorizationScope) => Permission[],
): OperationAuthorization<Input> {
  return { kind: 'checked', actions, permissions };
}

/** The partition of a region's ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** `aws:RequestTag/<key>` for each tag the request sets, and `aws:TagKeys`; nothing when it sets none. */
export function requestTags(tags: Record<string, string> | undefined): Record<string, ContextValue> {
  if (!tags || Object.keys(tags).length === 0) return {};
  const context: Record<string, ContextValue> = { 'aws:TagKeys': Object.keys(tags) };
  for (const [key, value] of Object.entries(tags)) context[`aws:RequestTag/${key}`] = value;
  return context;
}

/** `aws:ResourceTag/<key>` (and `<prefix>:ResourceTag/<key>` where the service defines one) for a resource's tags. */
export function resourceTags(
  tags: Record<string, string> | undefined,
  ...prefixes: string[]
): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(tags ?? {})) {
    for (const prefix of ['aws', ...prefixes]) context[`${prefix}:ResourceTag/${key}`] = value;
  }
  return context;
}

/** A `[{Key, Value}]` tag list as a map. */
export function tagMap(
  tags: readonly { Key?: string; Value?: string }[] | undefined,
): Record<string, string> | undefined {
  if (!tags) return undefined;
  return Object.fromEntries(tags.map((tag) => [tag.Key ?? '', tag.Value ?? '']));
}

/**
 * The `iam:PassRole` a request makes when it hands `roleArn` to `service`, with `iam:PassedToService` (IAM User
 * Guide, "Grant a user permissions to pass a role to an AWS service", which warns that role tags do not reliably
 * control it: no `ResourceTag` keys here).
 */
export function passRole(roleArn: string, service: string): Permission {
  return { action: 'iam:PassRole', resource: roleArn, context: { 'iam:PassedToService': service } };
}
