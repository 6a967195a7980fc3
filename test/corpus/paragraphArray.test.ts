// An article loaded from its file keeps the paragraphs segmentation made; they are read by number.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parseArticle.ts';

describe('the paragraphs of a loaded article', () => {
  const parsed = parseArticle('a.txt', Buffer.from('date 2025-06-24\n\nHai bên đã hội đàm.\nÔng Rutte gặp ông Wi.\n', 'utf8'));
  if (!parsed.ok) throw new Error('the article does not parse');
  const { paragraphs } = parsed.article;

  it('are read by number, 1 to the last, and none for 0, a negative, a fraction or past the end', () => {
    expect(paragraphs.length).toBe(2);
    expect(paragraphs.numbered(1)?.text).toBe('Hai bên đã hội đàm.');
    expect(paragraphs.numbered(2)?.text).toBe('Ông Rutte gặp ông Wi.');
    // An array's `at(-1)` would be the last paragraph: `/cite id#0` must not show it.
    for (const number of [0, -1, 1.5, 3, Number.NaN]) expect(paragraphs.numbered(number)).toBeUndefined();
    expect([...paragraphs].map((paragraph) => paragraph.number)).toEqual([1, 2]);
  });
});
