import { describe, expect, it } from 'vitest';
import type { AgreementItem } from '../../src/answers/answer.ts';
import { ItemsAtPositions } from '../../src/answers/itemsAtPositions.ts';

function agreement(summary: string): AgreementItem {
  return { kind: 'agreement', status: 'held', date: '2024-01-01', summary, citations: [], parties: [] };
}

describe('the items of an answer at positions of a list', () => {
  const list = ['a', 'b', 'c', 'd', 'e', 'f'].map(agreement);
  const bolded = { ...list[1]!, summary: 'B' };
  const planned = agreement('planned');
  const items = new ItemsAtPositions(list, Uint32Array.of(1, 3, 4), [bolded], [planned]);

  it('reads the leading copies first, then the list at the positions, then the items after', () => {
    expect(items).toHaveLength(4);
    expect([...items].map((item) => item.summary)).toEqual(['B', 'd', 'e', 'planned']);
    expect(items.at(1)).toBe(list[3]);
    expect(items.at(3)).toBe(planned);
  });

  it('counts from the end for a negative index, as an array does, and has nothing beyond its ends', () => {
    expect(items.at(-1)).toBe(planned);
    expect(items.at(-4)?.summary).toBe('B');
    for (const index of [4, -5, 100]) expect(items.at(index)).toBeUndefined();
    const array = [...items];
    for (const index of [-5, -4, -1, 0, 2, 3, 4, 1.5, -0.5, Number.NaN]) expect(items.at(index)).toBe(array.at(index));
  });
});
