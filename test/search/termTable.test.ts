import { describe, expect, it } from 'vitest';
import { TermTable } from '../../src/search/termTable.ts';

const TERMS = ['hop_tac', 'quoc_phong', '', 'nato', 'đồng', 'x'];

/** Runs a checking generator to its end. */
function check(table: TermTable): void {
  for (const _ of table.checkSteps());
}

describe('the table of terms', () => {
  it('finds every term by its number, and no other word', () => {
    const table = TermTable.of(TERMS);
    TERMS.forEach((term, i) => expect(table.indexOf(term)).toBe(i));
    for (const absent of ['hop', 'hop_tac_', 'NATO', 'dong', 'quoc_phongx']) expect(table.indexOf(absent)).toBe(-1);
    expect(table.terms()).toEqual(TERMS);
    expect(() => check(table)).not.toThrow();
  });

  it('finds the same terms again from its three stored pieces', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `term${i * 7919}`);
    const built = TermTable.of(many);
    const loaded = new TermTable(built.text, Uint32Array.from(built.ends), Uint32Array.from(built.slots));
    expect(() => check(loaded)).not.toThrow();
    expect(many.map((term) => loaded.indexOf(term))).toEqual(many.map((_, i) => i));
    expect(loaded.indexOf('term1')).toBe(-1);
  });

  it('refuses pieces that do not fit: ends past the text, a term named twice or not at all, a term out of its place', () => {
    const built = TermTable.of(TERMS);
    const ends = Uint32Array.from(built.ends);
    ends[ends.length - 1]! += 1;
    expect(() => check(new TermTable(built.text, ends, built.slots))).toThrow('do not cover');
    const twice = Uint32Array.from(built.slots);
    const empty = twice.indexOf(0);
    twice[empty] = twice.find((entry) => entry !== 0)!;
    expect(() => check(new TermTable(built.text, built.ends, twice))).toThrow('twice');
    const missing = Uint32Array.from(built.slots);
    missing[missing.findIndex((entry) => entry !== 0)] = 0;
    expect(() => check(new TermTable(built.text, built.ends, missing))).toThrow('does not name');
    // Each term moved one slot on, round the table: a lookup from its own slot stops at an empty one first.
    const moved = Uint32Array.from(
      { length: built.slots.length },
      (_, slot) => built.slots[(slot + built.slots.length - 1) % built.slots.length]!,
    );
    expect(() => check(new TermTable(built.text, built.ends, moved))).toThrow('out of its place');
  });
});
