import { parsePolicyDocument, type PolicyDocument, type PolicyDocumentKind } from '../../../auth/policy/index.js';

/**
 * Parsed documents by kind and text: the same role policies and API policy come back on every request, as the same
 * strings from the stores' caches, whose hashes V8 keeps (a key built from the text would be hashed every time).
 */
const parsed = new Map<PolicyDocumentKind, Map<string, PolicyDocument | null>>();
const maxEntries = 2000;

/**
 * The document of a stored policy text, parsed once. IAM and UpdateRestApi validated it when it was stored; a text
 * that no longer parses (written past them) grants nothing and is answered as null.
 */
export function policyDocument(text: string, kind: PolicyDocumentKind): PolicyDocument | null {
  let ofKind = parsed.get(kind);
  if (!ofKind) parsed.set(kind, (ofKind = new Map()));
  let document = ofKind.get(text);
  if (document === undefined) {
    try {
      document = parsePolicyDocument(text, kind);
    } catch {
      document = null;
    }
    if (ofKind.size >= maxEntries) ofKind.clear();
    ofKind.set(text, document);
  }
  return document;
}
