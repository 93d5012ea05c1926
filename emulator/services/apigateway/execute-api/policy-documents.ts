import { parsePolicyDocument, type PolicyDocument, type PolicyDocumentKind } from '../../../auth/policy/index.js';

/** Parsed documents by text: the same role policies and API policy come back on every request. */
const parsed = new Map<string, PolicyDocument | null>();
const maxEntries = 2000;

/**
 * The document of a stored policy text, parsed once. IAM and UpdateRestApi validated it when it was stored; a text
 * that no longer parses (written past them) grants nothing and is answered as null.
 */
export function policyDocument(text: string, kind: PolicyDocumentKind): PolicyDocument | null {
  const key = `${kind}\u0000${text}`;
  let document = parsed.get(key);
  if (document === undefined) {
    try {
      document = parsePolicyDocument(text, kind);
    } catch {
      document = null;
    }
    if (parsed.size >= maxEntries) parsed.clear();
    parsed.set(key, document);
  }
  return document;
}
