import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../emulator/auth/policy/lru-cache.js';
import { compileGlob, literalGlob, matchesGlob, toEscapedGlob } from '../../emulator/auth/policy/wildcard-pattern.js';

describe('LruCache', () => {
  it('forgets the least recently used entry once full', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('creates a missing entry once', () => {
    const cache = new LruCache<string, object>(4);
    let created = 0;
    const create = () => ({ created: ++created });
    expect(cache.getOrCreate('k', create)).toBe(cache.getOrCreate('k', create));
    expect(created).toBe(1);
  });
});

describe('wildcard patterns', () => {
  it('compiles each pattern once and reuses the regular expression', () => {
    expect(compileGlob('arn:aws:s3:::bucket/*', false)).toBe(compileGlob('arn:aws:s3:::bucket/*', false));
    expect(compileGlob('s3:get*', true)).not.toBe(compileGlob('s3:get*', false));
  });

  it('treats regular-expression characters literally and escapes only in escaped-glob form', () => {
    expect(compileGlob(toEscapedGlob('a.b+(c)[d]'), false).test('a.b+(c)[d]')).toBe(true);
    expect(compileGlob(toEscapedGlob('a.b'), false).test('axb')).toBe(false);
    expect(compileGlob(toEscapedGlob('back\\slash*'), false).test('back\\slash-x')).toBe(true);
    expect(compileGlob(literalGlob('a*?'), false).test('a*?')).toBe(true);
    expect(compileGlob(literalGlob('a*?'), false).test('abc')).toBe(false);
  });

  it('lets * match across lines and ? match exactly one character', () => {
    expect(compileGlob('a*z', false).test('a\nz')).toBe(true);
    expect(compileGlob('a?z', false).test('az')).toBe(false);
  });
});

describe('wildcard matching without a regular expression', () => {
  /** The regular expression the matcher replaced, as the reference on short inputs. */
  function reference(escapedGlob: string, ignoreCase: boolean): RegExp {
    let source = '';
    for (let index = 0; index < escapedGlob.length; index++) {
      const character = escapedGlob[index] as string;
      const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      if (character === '\\' && index + 1 < escapedGlob.length) source += escapeRegex(escapedGlob[++index] as string);
      else if (character === '*') source += '.*';
      else if (character === '?') source += '.';
      else source += escapeRegex(character);
    }
    return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
  }

  it('agrees with the regular expression on every short pattern and value', () => {
    const patterns = fc.array(fc.constantFrom('a', 'B', '/', '*', '?', '\\', ':'), { maxLength: 8 });
    const values = fc.array(fc.constantFrom('a', 'b', 'A', '/', '*', '?', '\\', ':'), { maxLength: 10 });
    fc.assert(
      fc.property(patterns, values, fc.boolean(), (pattern, value, ignoreCase) => {
        const [glob, text] = [pattern.join(''), value.join('')];
        expect(compileGlob(glob, ignoreCase).test(text)).toBe(reference(glob, ignoreCase).test(text));
        // matchesGlob compares a pattern without wildcards or escapes as a string: the same answers.
        expect(matchesGlob(glob, text, ignoreCase)).toBe(reference(glob, ignoreCase).test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('takes linear time where the regular expression backtracked cubically (2,000 slashes took seconds)', () => {
    const started = performance.now();
    expect(compileGlob('*/*/*/admin', false).test('/'.repeat(2000))).toBe(false);
    expect(compileGlob('*/*/*/admin', false).test(`${'/'.repeat(200_000)}admin`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
