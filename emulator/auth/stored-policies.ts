import { parsePolicyDocument, type PolicyDocument, type PolicyDocumentKind } from './policy/index.js';
import type { NamedPolicyRecord } from '../store/iam-store.js';
import { LruCache } from './policy/lru-cache.js';

/**
 * Parsed policies by kind and text. The same role policies come back on every request: each text is parsed once, and
 * the evaluator's compiled form, kept per parsed document, is reused with it. Keyed by the text itself: a text from
 * a store's cached record is the same string each time, whose hash V8 keeps (a key built from it would be hashed
 * again on every request).
 */
const parsedPolicies = new Map<PolicyDocumentKind, LruCache<string, PolicyDocument | false>>();

/** A stored policy text, parsed; undefined for a text IAM would refuse (written past it: it grants nothing). */
export function storedPolicy(text: string, kind: PolicyDocumentKind): PolicyDocument | undefined {
  let ofKind = parsedPolicies.get(kind);
  if (!ofKind) parsedPolicies.set(kind, (ofKind = new LruCache(4000)));
  const parsed = ofKind.getOrCreate(text, () => {
    try {
      return parsePolicyDocument(text, kind);
    } catch {
      return false;
    }
  });
  return parsed === false ? undefined : parsed;
}

/** One of a role's permissions policies, named as a decision explains it. */
export interface NamedPolicy {
  kind: 'inline' | 'managed';
  /** The inline policy's name, or the managed policy's ARN. */
  name: string;
  document: PolicyDocument;
}

export interface RolePolicySource {
  namedIdentityPolicies(accountId: string, roleName: string): readonly NamedPolicyRecord[];
}

/** The role's inline and attached (default version) policies, parsed; documents that do not parse grant nothing. */
export function rolePermissionPolicies(iam: RolePolicySource, accountId: string, roleName: string): NamedPolicy[] {
  const policies: NamedPolicy[] = [];
  for (const stored of iam.namedIdentityPolicies(accountId, roleName)) {
    const document = storedPolicy(stored.document, 'identity');
    if (document) policies.push({ kind: stored.kind, name: stored.name, document });
  }
  return policies;
}
