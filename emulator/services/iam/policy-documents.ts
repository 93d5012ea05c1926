import { MalformedPolicyDocumentError, parsePolicyDocument, type PolicyDocumentKind } from '../../auth/policy/index.js';
import { LimitExceededException, MalformedPolicyDocumentException } from './errors.js';

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

/** Refuses a document IAM would refuse, with IAM's message (the policy evaluator's validator words it). */
export function checkPolicyDocument(document: string, kind: PolicyDocumentKind): void {
  try {
    parsePolicyDocument(document, kind);
  } catch (error) {
    if (error instanceof MalformedPolicyDocumentError) throw new MalformedPolicyDocumentException(error.message);
    throw error;
  }
}

export function checkTrustPolicy(document: string): void {
  checkPolicyDocument(document, 'trust');
  if (policySize(document) > policySizeQuotas.trustPolicy) throw LimitExceededException.quota('ACLSizePerRole', policySizeQuotas.trustPolicy);
}

export function checkManagedPolicyDocument(document: string): void {
  checkPolicyDocument(document, 'identity');
  if (policySize(document) > policySizeQuotas.managedPolicy) throw LimitExceededException.quota('PolicySize', policySizeQuotas.managedPolicy);
}

/** IAM returns policy documents URL-encoded (RFC 3986, as encodeURIComponent does); clients decode them. */
export function encodePolicyDocument(document: string): string {
  return encodeURIComponent(document);
}
