import { LruCache } from './lru-cache.js';

/**
 * IAM wildcard patterns: `*` matches any run of characters (also empty), `?` exactly one character.
 *
 * Patterns are handled internally in an *escaped glob* form in which a backslash makes the next character
 * literal. That lets a policy variable insert text containing `*` or `?` (or the specials `${*}`, `${?}`)
 * without those characters turning into wildcards. Use `toEscapedGlob` for plain policy text.
 *
 * Matching never backtracks: the pattern is split at its `*`s into segments; the first must match at the start,
 * the last at the end, and each one between is taken at its leftmost place after the previous one (a leftmost
 * place never loses a match that a later one would find). The work is at most the value's length times the
 * pattern's, so a request's work grows only linearly with the request (a regular expression `^.*\/.*\/.*\/admin$`
 * takes cubic time on a path of slashes).
 */

/** `?` in a compiled segment. */
const ANY = -1;

/** A compiled pattern: `test(value)` tells whether the whole value matches. */
export interface Glob {
  test(value: string): boolean;
}

const compiledPatterns = new LruCache<string, Glob>(20_000);

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

/** One UTF-16 unit folded to lower case when that keeps it one unit (as a regular expression's `i` flag does). */
function foldUnit(unit: number): number {
  if (unit < 0x41) return unit;
  if (unit <= 0x5a) return unit + 0x20;
  if (unit < 0x80) return unit;
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

/** The segments between the `*`s, each a list of UTF-16 units or ANY; `starred` says whether any `*` was seen. */
function parse(escapedGlob: string, ignoreCase: boolean): { segments: Int32Array[]; starred: boolean } {
  const segments: Int32Array[] = [];
  let current: number[] = [];
  let starred = false;
  for (let index = 0; index < escapedGlob.length; index++) {
    let unit = escapedGlob.charCodeAt(index);
    if (unit === 0x5c /* \ */ && index + 1 < escapedGlob.length) {
      unit = escapedGlob.charCodeAt(++index);
    } else if (unit === 0x2a /* * */) {
      segments.push(Int32Array.from(current));
      current = [];
      starred = true;
      continue;
    } else if (unit === 0x3f /* ? */) {
      current.push(ANY);
      continue;
    }
    current.push(ignoreCase ? foldUnit(unit) : unit);
  }
  segments.push(Int32Array.from(current));
  return { segments, starred };
}

function segmentMatchesAt(segment: Int32Array, value: string, at: number, ignoreCase: boolean): boolean {
  for (let index = 0; index < segment.length; index++) {
    const expected = segment[index] as number;
    if (expected === ANY) continue;
    const unit = value.charCodeAt(at + index);
    if (unit !== expected && !(ignoreCase && foldUnit(unit) === expected)) return false;
  }
  return true;
}

/** The leftmost place in [from, until] where the segment starts, or -1. */
function findSegment(segment: Int32Array, value: string, from: number, until: number, ignoreCase: boolean): number {
  for (let at = from; at <= until; at++) if (segmentMatchesAt(segment, value, at, ignoreCase)) return at;
  return -1;
}

function compile(escapedGlob: string, ignoreCase: boolean): Glob {
  const { segments, starred } = parse(escapedGlob, ignoreCase);
  const first = segments[0] as Int32Array;
  if (!starred) {
    return { test: (value) => value.length === first.length && segmentMatchesAt(first, value, 0, ignoreCase) };
  }
  const last = segments[segments.length - 1] as Int32Array;
  const middle = segments.slice(1, -1).filter((segment) => segment.length > 0);
  const fixedLength = segments.reduce((sum, segment) => sum + segment.length, 0);
  return {
    test(value) {
      if (value.length < fixedLength) return false;
      if (!segmentMatchesAt(first, value, 0, ignoreCase)) return false;
      const end = value.length - last.length;
      if (!segmentMatchesAt(last, value, end, ignoreCase)) return false;
      let position = first.length;
      for (const segment of middle) {
        const found = findSegment(segment, value, position, end - segment.length, ignoreCase);
        if (found === -1) return false;
        position = found + segment.length;
      }
      return true;
    },
  };
}

/** The compiled (and cached) matcher of an escaped glob. */
export function compileGlob(escapedGlob: string, ignoreCase: boolean): Glob {
  const cacheKey = (ignoreCase ? 'i' : 's') + escapedGlob;
  return compiledPatterns.getOrCreate(cacheKey, () => compile(escapedGlob, ignoreCase));
}

/** A wildcard or an escape: without any, a pattern is its own text. */
const globSyntax = /[*?\\]/;

export function matchesGlob(escapedGlob: string, value: string, ignoreCase: boolean): boolean {
  if (escapedGlob === '*') return true;
  // Most components of an ARN pattern are plain text (`arn`, `aws`, a service, a region, an account): compared as
  // strings, not looked up in the cache of compiled patterns (~20 lookups per execute-api call before).
  if (!ignoreCase && !globSyntax.test(escapedGlob)) return escapedGlob === value;
  return compileGlob(escapedGlob, ignoreCase).test(value);
}
