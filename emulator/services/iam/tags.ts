import type { Tag } from '../../store/iam-store.js';
import { iamErrors } from './errors.js';

/** Tags an IAM resource can carry (the model caps one request at the same number). */
const maxTagsPerResource = 50;

/**
 * Role tag keys compare without case ("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
 * managed policy tag keys with case ("Duplicate tag keys found.", and `a` and `A` may coexist), as recorded from AWS.
 */
export type TagKeyCase = 'role' | 'policy';

function comparable(key: string, keyCase: TagKeyCase): string {
  return keyCase === 'role' ? key.toLowerCase() : key;
}

export function checkNoDuplicateTagKeys(tags: Tag[], keyCase: TagKeyCase): void {
  const seen = new Set<string>();
  for (const tag of tags) {
    const key = comparable(tag.Key, keyCase);
    if (seen.has(key)) throw iamErrors.duplicateTagKeys(keyCase === 'role');
    seen.add(key);
  }
}

/** The tags after TagRole: a new value replaces the old one of the same key. */
export function mergeTags(existing: readonly Tag[], added: Tag[], keyCase: TagKeyCase, quotaName: string): Tag[] {
  const merged = [...existing];
  for (const tag of added) {
    const at = merged.findIndex((old) => comparable(old.Key, keyCase) === comparable(tag.Key, keyCase));
    if (at === -1) merged.push({ Key: tag.Key, Value: tag.Value });
    else merged[at] = { Key: tag.Key, Value: tag.Value };
  }
  // The limit of 50 tags per role is documented.
  if (merged.length > maxTagsPerResource) throw iamErrors.quotaExceeded(quotaName, maxTagsPerResource);
  return merged;
}

export function removeTags(existing: readonly Tag[], keys: string[], keyCase: TagKeyCase): Tag[] {
  const removed = new Set(keys.map((key) => comparable(key, keyCase)));
  return existing.filter((tag) => !removed.has(comparable(tag.Key, keyCase)));
}

/** Tags as the SDK input types them (optional members) to the stored shape. */
export function toTags(tags: { Key?: string; Value?: string }[] | undefined): Tag[] {
  return (tags ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' }));
}
