export { evaluate } from './evaluate.js';
export { MalformedPolicyDocumentError } from './malformed-policy-document-error.js';
export { parsePolicyDocument, type PolicyDocumentKind } from './parse-policy-document.js';
export type * from './types.js';
