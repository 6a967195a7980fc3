import { describe, expect, it } from 'vitest';
import { buildPassageIndex } from '../../src/search/passageIndex.ts';
import { makeArticle } from './makeArticle.ts';

// `suggest` remembers how phrases are written (per index) and stops once it has `limit` suggestions;
// neither may change what it returns.
const articles = [
  makeArticle({
    id: 'a2023',
    date: '2023-07',
    paragraphs: [
      'Hai bên thảo luận về hợp tác công nghiệp quốc phòng và công nghệ mới.',
      'Công nghiệp quốc phòng được chú trọng; công nghệ cao và công nghiệp nhẹ cũng vậy.',
      'Quốc phòng, quốc phục và quốc hội bàn về hợp đồng hợp tác.',
    ],
  }),
];
const glossary = [{ en: ['defence industry'], vi: ['công nghiệp quốc phòng'] }];
const queries = ['công ngh', 'cong nghiep', 'quoc ph', 'hop', 'defence industry', 'hop tac cong nghep', 'zzq', 'Quốc'];

describe('PassageIndex.suggest: caching and early stop', () => {
  it('returns the same suggestions on repeated calls and in either call order', () => {
    const fresh = () => buildPassageIndex(articles, glossary);
    const first = fresh();
    const expected = queries.map((query) => first.suggest(query, 10));
    const second = fresh();
    const reversed = [...queries]
      .reverse()
      .map((query) => second.suggest(query, 10))
      .reverse();
    expect(reversed).toEqual(expected);
    expect(queries.map((query) => first.suggest(query, 10))).toEqual(expected);
  });

  it('gives the first `limit` of the longer list for a smaller limit', () => {
    const index = buildPassageIndex(articles, glossary);
    for (const query of queries) {
      const all = index.suggest(query, 25);
      for (const limit of [0, 1, 2, 3]) expect(index.suggest(query, limit)).toEqual(all.slice(0, limit));
    }
    expect(index.suggest('công ngh', 25)).toEqual(expect.arrayContaining(['công nghiệp', 'công nghệ']));
  });
});
