import { describe, expect, it } from 'vitest';
import { LruCache } from '../../emulator/auth/policy/lru-cache.js';
import { compileGlob, literalGlob, toEscapedGlob } from '../../emulator/auth/policy/wildcard-pattern.js';

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
