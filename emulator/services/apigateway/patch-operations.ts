import type { PatchOperation } from '@aws-sdk/client-api-gateway';
import { BadRequestException } from './errors.js';

/** A JSON-pointer segment as patch paths escape it: `~1` is `/`, `~0` is `~` (`/binaryMediaTypes/image~1png`). */
export function unescapePathSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Wording as LocalStack recorded it from AWS (two spaces after "path" included). */
export function invalidPatchPath(operation: PatchOperation, allowed: string[]): BadRequestException {
  return new BadRequestException(
    `Invalid patch path  '${operation.path ?? ''}' specified for op '${operation.op ?? ''}'. Must be one of: [${allowed.join(', ')}]`,
  );
}

export function unsupportedPatchOperation(operation: PatchOperation): BadRequestException {
  return new BadRequestException(
    `Invalid patch path  '${operation.path ?? ''}' specified for op '${operation.op ?? ''}'. Please choose supported operations`,
  );
}

export function patchValue(operation: PatchOperation): string {
  if (operation.value === undefined) throw new BadRequestException(`Invalid null or empty value in ${operation.path ?? ''}`);
  return operation.value;
}

/** `"true"`/`"false"` as patch values carry booleans [unverified: wording for other values]. */
export function patchBoolean(operation: PatchOperation): boolean {
  const value = patchValue(operation).toLowerCase();
  if (value !== 'true' && value !== 'false') throw new BadRequestException(`Invalid value '${operation.value}' for ${operation.path}: must be true or false`);
  return value === 'true';
}
