import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../emulator/bounded-map.js';

describe('BoundedMap', () => {
  it('keeps the last `capacity` keys inserted, forgetting the oldest first', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [index, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, index);
    expect(map.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => map.get(key))).toEqual([undefined, undefined, 2, 3, 4]);
    // Round the ring more than once: still the last three, in order of insertion.
    for (const key of ['f', 'g', 'h', 'i']) map.set(key, 0);
    expect(['f', 'g', 'h', 'i'].map((key) => map.get(key) !== undefined)).toEqual([false, true, true, true]);
  });

  it('takes a new value for a kept key without moving it, and starts over empty after clear', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 3);
    expect(map.get('a')).toBe(3);
    map.set('c', 4);
    // 'a' was inserted first: its new value did not make it the newest.
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([undefined, 2, 4]);
    map.clear();
    expect(map.size).toBe(0);
    map.set('x', 1).set('y', 2).set('z', 3);
    expect([map.get('x'), map.get('y'), map.get('z')]).toEqual([undefined, 2, 3]);
  });

  it('refuses a capacity that holds nothing', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});
