import { splitArn } from './arn.js';
import { LruCache } from './lru-cache.js';
import { matchesGlob } from './wildcard-pattern.js';

/**
 * Matches an ARN against an ARN pattern component by component, as AWS documents for Resource and the ARN
 * condition operators: each of the six colon-separated components is compared on its own with `*`/`?`
 * wildcards, so a wildcard never reaches across the colons of the first five. The last (resource) component
 * takes the rest of the ARN, colons included.
 */

const splitPatterns = new LruCache<string, string[] | null>(20_000);

/** Splits an escaped glob at its first five colons. Escaped globs never escape a colon, so this is safe. */
function splitPatternGlob(patternGlob: string): string[] | null {
  return splitPatterns.getOrCreate(patternGlob, () => {
    const components: string[] = [];
    let start = 0;
    for (let index = 0; index < 5; index++) {
      const colon = patternGlob.indexOf(':', start);
      if (colon === -1) return null;
      components.push(patternGlob.slice(start, colon));
      start = colon + 1;
    }
    components.push(patternGlob.slice(start));
    return components;
  });
}

/** `patternGlob` is in escaped-glob form (see wildcard-pattern.ts). */
export function matchesArnPattern(patternGlob: string, value: string): boolean {
  if (patternGlob === '*') return true;
  const patternComponents = splitPatternGlob(patternGlob);
  const valueComponents = splitArn(value);
  if (!patternComponents || !valueComponents) {
    // Not ARNs (e.g. a Resource of a service that uses plain names): compare the whole strings.
    return !patternComponents && !valueComponents && matchesGlob(patternGlob, value, false);
  }
  if (!matchesGlob(patternComponents[0], 'arn', false)) return false;
  for (let index = 0; index < 5; index++) {
    if (!matchesGlob(patternComponents[index + 1], valueComponents[index], false)) return false;
  }
  return true;
}
