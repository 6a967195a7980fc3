// English works on any corpus: the built-in news glossary is always searched, after the corpus's own,
// and compiled once per corpus glossary. The last-resort partial search names the words it lacks.
import { describe, expect, it } from 'vitest';
import { buildPassageIndex } from '../../src/search/passageIndex.ts';
import { searchGlossary, searchGlossarySteps } from '../../src/search/searchGlossary.ts';
import { makeArticle } from './makeArticle.ts';

const articles = [
  makeArticle({
    id: 'trade2025',
    date: '2025-03',
    paragraphs: [
      'Hội nghị thượng đỉnh khu vực bàn về xuất khẩu gạo và đầu tư hạ tầng.',
      'Các bên nhất trí lập quỹ hỗ trợ nông dân trồng lúa ở đồng bằng của quốc gia.',
      'Giá trị hợp đồng mua bán thiết bị đạt 200 triệu USD.',
    ],
  }),
];

describe('the built-in glossary', () => {
  it('answers English on a corpus that has no glossary of its own, and says what it searched', () => {
    const outcome = buildPassageIndex(articles, []).search('summit');
    expect(outcome.hits[0]?.paragraph).toBe(1);
    expect(outcome.translations).toEqual([{ typed: 'summit', vietnamese: expect.arrayContaining(['hội nghị thượng đỉnh']) }]);
  });

  it('is extended by the corpus folder’s glossary', () => {
    const index = buildPassageIndex(articles, [{ en: ['rice farmers fund'], vi: ['quỹ hỗ trợ nông dân'] }]);
    expect(index.search('rice farmers fund').hits.map((hit) => hit.paragraph)).toEqual([2]);
    expect(index.search('export').hits.map((hit) => hit.paragraph)).toEqual([1]);
  });

  it('is compiled once per corpus glossary, not at every load', () => {
    expect(searchGlossary([])).toBe(searchGlossary([]));
    expect(searchGlossary([{ en: ['a b'], vi: ['c d'] }])).toBe(searchGlossary([{ en: ['a b'], vi: ['c d'] }]));
    expect(searchGlossary([{ en: ['a b'], vi: ['c d'] }])).not.toBe(searchGlossary([]));
  });
});

describe('compiling the glossary for a reload', () => {
  it('pauses every hundred entries (a reload compiles it on the bot’s thread) and keeps what it compiled for the next load', () => {
    // A corpus glossary not compiled before in this file, so the steps compile it.
    const corpusGlossary = [{ en: ['rice farmers support fund'], vi: ['quỹ hỗ trợ nông dân'] }];
    const steps = searchGlossarySteps(corpusGlossary);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // The built-in table holds over 1,200 entries.
    expect(pauses).toBeGreaterThanOrEqual(12);
    // Kept: the same compiled glossary serves the next load.
    expect(searchGlossary(corpusGlossary)).toBe(step.value);
    const fresh = searchGlossarySteps([{ en: ['rice export'], vi: ['xuất khẩu gạo'] }]);
    let compiled = fresh.next();
    while (!compiled.done) compiled = fresh.next();
    expect(buildPassageIndex(articles, [{ en: ['rice export'], vi: ['xuất khẩu gạo'] }]).search('rice export').hits[0]?.paragraph).toBe(1);
    expect([...compiled.value.formsByFirstWord.keys()]).toContain('rice');
  });
});

describe('partial search', () => {
  const index = buildPassageIndex(articles, []);

  it('answers with the paragraphs holding most of the words, each naming those it lacks', () => {
    expect(index.search('quỹ nông dân Bitcoin Ethereum').hits).toEqual([]);
    const outcome = index.search('quỹ nông dân Bitcoin Ethereum', {}, 10, { partial: true });
    expect(outcome.partial).toBe(true);
    expect(outcome.hits[0]).toMatchObject({ paragraph: 2, missing: ['Bitcoin', 'Ethereum'] });
  });

  it('takes a word typed with marks as written: `giá` is not the `gia` of `quốc gia`', () => {
    const outcome = index.search('giá vàng', {}, 10, { partial: true });
    expect(outcome.hits.map((hit) => hit.paragraph)).toEqual([3]);
  });
});
