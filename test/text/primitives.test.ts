// The shared primitives every module uses instead of a copy of its own.
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/text/boundedMap.ts';
import { editDistance } from '../../src/text/editDistance.ts';
import { escapeRegExp } from '../../src/text/escapeRegExp.ts';
import { lowerBound, lowerBoundOf } from '../../src/text/lowerBound.ts';

describe('BoundedMap', () => {
  it('drops what was not used lately, not merely the oldest', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect(map.get('a')).toBe(1); // `a` used: `b` is now the least recent
    map.set('c', 3);
    expect([map.has('a'), map.has('b'), map.has('c'), map.size]).toEqual([true, false, true, 2]);
  });

  it('keeps an entry used once per generation however many others pass through', () => {
    const map = new BoundedMap<number, string>(10);
    map.set(-1, 'kept');
    for (let i = 0; i < 1_000; i++) {
      map.set(i, 'passing');
      if (i % 4 === 0) expect(map.get(-1)).toBe('kept');
    }
    expect(map.size).toBeLessThanOrEqual(10);
    expect(map.has(0)).toBe(false);
  });

  it('replaces a value in place without dropping anything', () => {
    const map = new BoundedMap<string, number>(4);
    map.set('a', 1).set('b', 2).set('a', 10);
    expect([map.get('a'), map.get('b'), map.size]).toEqual([10, 2, 2]);
  });

  it('refuses a capacity below two', () => {
    expect(() => new BoundedMap(1)).toThrow(/at least two/);
  });
});

describe('lowerBound', () => {
  it('finds the first position not below the key, or the end', () => {
    const sorted = [1, 3, 3, 7];
    expect([0, 1, 2, 3, 4, 7, 8].map((key) => lowerBoundOf(sorted, key))).toEqual([0, 0, 1, 1, 3, 3, 4]);
    expect(lowerBound([{ word: 'an' }, { word: 'ba' }, { word: 'ca' }], 'b', (entry) => entry.word)).toBe(1);
  });

  it('searches only the given range of a typed array', () => {
    expect(lowerBoundOf(new Uint32Array([5, 1, 2, 9]), 2, 1, 3)).toBe(2);
    expect(lowerBoundOf(new Uint32Array([5, 1, 2, 9]), 3, 1, 3)).toBe(3);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('stoltenberg', 'stoltenbreg')).toBe(2);
    expect(editDistance('rutte', 'rute')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('hoi dam', 'hoi dam')).toBe(0);
  });

  it('stops past the maximum and says only "more than it"', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });
});

describe('escapeRegExp', () => {
  it('makes every special character literal', () => {
    const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
  });
});
