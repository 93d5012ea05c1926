import { MalformedPolicyDocumentError, parsePolicyDocument, type PolicyDocumentKind } from '../../auth/policy/index.js';
import type { PolicyParseOptions } from '../../auth/policy/parse-policy-document.js';
import { partitionOf } from '../../partition.js';
import { iamErrors } from './errors.js';

/** Policy size quotas, counted in characters without white space as IAM counts them (IAM and STS quotas page). */
export const policySizeQuotas = {
  /** A role's trust policy: "Cannot exceed quota for ACLSizePerRole: 2048". */
  trustPolicy: 2048,
  /** A customer managed policy: "Cannot exceed quota for PolicySize: 6144". */
  managedPolicy: 6144,
  /** All of a role's inline policies together: "Maximum policy size of 10240 bytes exceeded for role <name>". */
  roleInlinePolicies: 10240,
} as const;

export function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}

/**
 * Refuses a document IAM would refuse, with IAM's message (the policy evaluator's validator words it). Identity
 * policies must be version 2012-10-17 (moto's AWS-checked cases, for CreatePolicy; [unverified] for inline ones),
 * and name resources of the region's partition.
 */
export function checkPolicyDocument(document: string, kind: PolicyDocumentKind, region: string): void {
  const options: PolicyParseOptions = {
    iamResourceFormats: { partition: partitionOf(region) },
    requireCurrentVersion: kind === 'identity',
  };
  try {
    parsePolicyDocument(document, kind, options);
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) throw iamErrors.malformedPolicyDocument(error.message);
    throw error;
  }
}

function parsedJson(document: string): unknown {
  try {
    return JSON.parse(document);
  } catch {
    return undefined;
  }
}

function statementsOf(parsed: unknown): Record<string, unknown>[] {
  const statement = (parsed as { Statement?: unknown } | undefined)?.Statement;
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
  return list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null);
}

export function checkTrustPolicy(document: string, region: string): void {
  const parsed = parsedJson(document);
  if (parsed === undefined) throw iamErrors.trustPolicyInvalidJson();
  checkPolicyDocument(document, 'trust', region);
  for (const statement of statementsOf(parsed)) {
    const actions =
      statement.Action === undefined ? [] : Array.isArray(statement.Action) ? statement.Action : [statement.Action];
    if (actions.some((action) => typeof action !== 'string' || !/^sts:/i.test(action))) {
      throw iamErrors.trustPolicyNonStsAction();
    }
  }
  refuseUnconditionedCognitoTrust(statementsOf(parsed));
  if (policySize(document) > policySizeQuotas.trustPolicy)
    throw iamErrors.quotaExceeded('ACLSizePerRole', policySizeQuotas.trustPolicy);
}

const cognitoIdentityPrincipal = /^cognito-identity(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;

function federatedPrincipals(principal: unknown): string[] {
  const federated = (principal as { Federated?: unknown } | undefined)?.Federated;
  const list = Array.isArray(federated) ? federated : federated === undefined ? [] : [federated];
  return list.filter((item): item is string => typeof item === 'string');
}

/**
 * "IAM requires that roles for identity pools have at least one trust policy condition" (Amazon Cognito Developer
 * Guide, Security best practices for identity pools); with the identity pool service principal, "you can't create
 * or modify a role trust policy to allow any identity pool to assume the role" (IAM roles, Setting up a trust
 * policy). So CreateRole and UpdateAssumeRolePolicy refuse an Allow statement trusting cognito-identity.amazonaws.com
 * without a condition. [unverified]: the error message, and whether IAM checks each statement or the policy.
 */
function refuseUnconditionedCognitoTrust(statements: Record<string, unknown>[]): void {
  for (const statement of statements) {
    if (
      statement.Effect !== 'Allow' ||
      !federatedPrincipals(statement.Principal).some((name) => cognitoIdentityPrincipal.test(name))
    )
      continue;
    const condition = statement.Condition as Record<string, unknown> | undefined;
    if (!condition || Object.keys(condition).length === 0) throw iamErrors.cognitoTrustWithoutCondition();
  }
}

export function checkManagedPolicyDocument(document: string, region: string): void {
  checkPolicyDocument(document, 'identity', region);
  if (policySize(document) > policySizeQuotas.managedPolicy)
    throw iamErrors.quotaExceeded('PolicySize', policySizeQuotas.managedPolicy);
}

/** IAM returns policy documents URL-encoded (RFC 3986, as encodeURIComponent does); clients decode them. */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document);
}
