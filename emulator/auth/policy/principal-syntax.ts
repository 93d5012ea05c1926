import { isAccountId, splitArn } from './arn.js';
import { MalformedPolicyDocumentError, MalformedPolicyMessages } from './malformed-policy-document-error.js';
import type { PrincipalBlock } from './types.js';

const PRINCIPAL_TYPES = new Set(['AWS', 'Federated', 'Service', 'CanonicalUser']);
const IAM_PRINCIPAL_RESOURCE = /^(root|(user|role)\/.+)$/;
const STS_PRINCIPAL_RESOURCE = /^(assumed-role\/[^/]+\/.+|federated-user\/.+)$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

function isStringOrStringList(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function isValidAwsPrincipal(value: string): boolean {
  if (value === '*' || isAccountId(value)) return true;
  const components = splitArn(value);
  if (!components) return false;
  const [, service, region, account, resource] = components;
  if (region !== '' || !isAccountId(account)) return false;
  if (service === 'iam') return IAM_PRINCIPAL_RESOURCE.test(resource);
  if (service === 'sts') return STS_PRINCIPAL_RESOURCE.test(resource);
  return false;
}

function isValidPrincipal(type: string, value: string): boolean {
  switch (type) {
    case 'AWS':
      return isValidAwsPrincipal(value);
    case 'Service':
      return SERVICE_PRINCIPAL.test(value);
    default:
      return value.trim() !== '';
  }
}

/** Checks a Principal/NotPrincipal value; throws MalformedPolicyDocumentError. */
export function validatePrincipalBlock(block: unknown): asserts block is PrincipalBlock {
  if (block === '*') return;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    throw new MalformedPolicyDocumentError(MalformedPolicyMessages.syntax);
  }
  const entries = Object.entries(block);
  if (entries.length === 0) throw new MalformedPolicyDocumentError(MalformedPolicyMessages.syntax);
  for (const [type, values] of entries) {
    if (!PRINCIPAL_TYPES.has(type) || !isStringOrStringList(values)) {
      throw new MalformedPolicyDocumentError(MalformedPolicyMessages.syntax);
    }
    for (const value of typeof values === 'string' ? [values] : values) {
      if (!isValidPrincipal(type, value)) {
        throw new MalformedPolicyDocumentError(MalformedPolicyMessages.invalidPrincipal(type, value));
      }
    }
  }
}
