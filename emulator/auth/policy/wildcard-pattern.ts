import { LruCache } from './lru-cache.js';

/**
 * IAM wildcard patterns: `*` matches any run of characters (also empty), `?` exactly one character.
 *
 * Patterns are handled internally in an *escaped glob* form in which a backslash makes the next character
 * literal. That lets a policy variable insert text containing `*` or `?` (or the specials `${*}`, `${?}`)
 * without those characters turning into wildcards. Use `toEscapedGlob` for plain policy text.
 */

const compiledPatterns = new LruCache<string, RegExp>(20_000);

/** Turns policy text, where every `*` and `?` is a wildcard, into escaped-glob form. */
export function toEscapedGlob(policyText: string): string {
  return policyText.includes('\\') ? policyText.replace(/\\/g, '\\\\') : policyText;
}

/** Escaped-glob form of text that must match literally. */
export function literalGlob(text: string): string {
  return text.replace(/[\\*?]/g, (character) => `\\${character}`);
}

export function hasWildcard(escapedGlob: string): boolean {
  for (let index = 0; index < escapedGlob.length; index++) {
    const character = escapedGlob[index];
    if (character === '\\') index++;
    else if (character === '*' || character === '?') return true;
  }
  return false;
}

function escapedGlobToRegExpSource(escapedGlob: string): string {
  let source = '^';
  for (let index = 0; index < escapedGlob.length; index++) {
    const character = escapedGlob[index];
    if (character === '\\' && index + 1 < escapedGlob.length) {
      index++;
      source += escapeRegExp(escapedGlob[index]);
    } else if (character === '*') {
      source += '.*';
    } else if (character === '?') {
      source += '.';
    } else {
      source += escapeRegExp(character);
    }
  }
  return `${source}$`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The compiled (and cached) regular expression for an escaped glob. */
export function compileGlob(escapedGlob: string, ignoreCase: boolean): RegExp {
  const cacheKey = (ignoreCase ? 'i' : 's') + escapedGlob;
  return compiledPatterns.getOrCreate(
    cacheKey,
    () => new RegExp(escapedGlobToRegExpSource(escapedGlob), ignoreCase ? 'is' : 's'),
  );
}

export function matchesGlob(escapedGlob: string, value: string, ignoreCase: boolean): boolean {
  if (escapedGlob === '*') return true;
  return compileGlob(escapedGlob, ignoreCase).test(value);
}
