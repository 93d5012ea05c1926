import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { apiGatewayErrors } from './errors.js';

/** A JSON-pointer segment as patch paths escape it: `~1` is `/`, `~0` is `~` (`/binaryMediaTypes/image~1png`). */
export function unescapePathSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

export function patchValue(operation: PatchOperation): string {
  if (operation.value === undefined) throw apiGatewayErrors.emptyPatchValue(operation.path ?? '');
  return operation.value;
}

/** `"true"`/`"false"` as patch values carry booleans [unverified: wording for other values]. */
export function patchBoolean(operation: PatchOperation): boolean {
  const value = patchValue(operation).toLowerCase();
  if (value !== 'true' && value !== 'false') throw apiGatewayErrors.notABoolean(operation);
  return value === 'true';
}

/**
 * A boolean as API Gateway reads most patch values: `true` in any case is true, anything else false (AWS answered
 * `replace /apiKeyRequired whatever` with `apiKeyRequired: false`, recorded in `test_update_method_validation`).
 */
export function lenientPatchBoolean(operation: PatchOperation): boolean {
  return (operation.value ?? '').toLowerCase() === 'true';
}

/** The part of a patch path after `prefix` (`/requestParameters/`), unescaped, if the path has that prefix. */
export function patchKey(operation: PatchOperation, prefix: string): string | undefined {
  const path = operation.path ?? '';
  return path.startsWith(prefix) && path.length > prefix.length
    ? unescapePathSegment(path.slice(prefix.length))
    : undefined;
}

/** A map member patched with add/replace/remove: what `/requestTemplates/application~1json` and its kin do. */
export function patchMapEntry<T>(
  map: Record<string, T> | undefined,
  key: string,
  operation: PatchOperation,
  value: (operation: PatchOperation) => T,
  missing: () => Error,
): Record<string, T> | undefined {
  const next = { ...(map ?? {}) };
  if (operation.op === 'add') next[key] = value(operation);
  else if (operation.op === 'replace') {
    if (!(key in next)) throw missing();
    next[key] = value(operation);
  } else if (operation.op === 'remove') {
    if (!(key in next)) throw missing();
    delete next[key];
  } else throw apiGatewayErrors.patchOperationNotAllowed(['add', 'remove', 'replace']);
  return Object.keys(next).length > 0 ? next : undefined;
}
