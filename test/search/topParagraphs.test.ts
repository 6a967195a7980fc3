// The best-scored paragraphs a search keeps: best first, the earlier offer first on a tie, the worst
// dropped once full, and nothing left over when one instance serves the next search.
import { describe, expect, it } from 'vitest';
import { TopParagraphs } from '../../src/search/topParagraphs.ts';

describe('TopParagraphs', () => {
  it('keeps the best-scored paragraphs, best first, the earlier one first on a tie', () => {
    const top = new TopParagraphs(10);
    top.offer(1, 0.5);
    top.offer(2, 2);
    top.offer(3, 0.5);
    top.offer(4, 1);
    expect(top.entries()).toEqual([
      { document: 2, score: 2 },
      { document: 4, score: 1 },
      { document: 1, score: 0.5 },
      { document: 3, score: 0.5 },
    ]);
  });

  it('drops the worst once full, and refuses an offer no better than the worst kept', () => {
    const top = new TopParagraphs(3);
    for (const [document, score] of [
      [1, 3],
      [2, 1],
      [3, 2],
      [4, 2.5],
      [5, 2],
    ] as const)
      top.offer(document, score);
    expect(top.isFull).toBe(true);
    expect(top.entries().map((entry) => entry.document)).toEqual([1, 4, 3]);
    expect(top.scores[top.size - 1]).toBe(2);
  });

  it('counts every answering offer, kept or not, unless told it does not count', () => {
    const top = new TopParagraphs(1);
    top.offer(1, 1);
    top.offer(2, 0.5);
    top.offer(3, 2, false);
    expect(top.answered).toBe(2);
    expect(top.entries()).toEqual([{ document: 3, score: 2 }]);
  });

  it('forgets everything when cleared, for the next search', () => {
    const top = new TopParagraphs(2);
    top.offer(7, 1);
    top.offer(8, 2);
    top.clear();
    expect(top.size).toBe(0);
    expect(top.answered).toBe(0);
    top.offer(9, 0.1);
    expect(top.entries()).toEqual([{ document: 9, score: 0.1 }]);
    expect(top.documentAt(0)).toBe(9);
  });
});
