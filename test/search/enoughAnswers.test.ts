// A search that stops once enough paragraphs answer (SearchMode.enoughAnswers, what autocomplete asks):
// it walks from the last articles, ranks only what it found, and still lists only paragraphs that
// answer as any search's do.
import { describe, expect, it } from 'vitest';
import { buildPassageIndex } from '../../src/search/passageIndex.ts';
import { foldDiacritics } from '../../src/text/foldDiacritics.ts';
import type { PassageHit } from '../../src/search/types.ts';
import { makeArticle } from './makeArticle.ts';

// Twelve articles that hold the phrase, in id order (the index's order), and one that holds its
// words scattered. The strongest paragraph (short, the phrase twice) is in the first article; among
// the last three, a10's (short) is the strongest and a11's (long) the weakest.
const phraseTexts = [
  'Hợp tác quốc phòng, hợp tác quốc phòng.',
  ...Array.from(
    { length: 9 },
    (_, i) => `Bài ${i + 1}: hai bên bàn về hợp tác quốc phòng trong bối cảnh khu vực có nhiều biến động về an ninh và kinh tế.`,
  ),
  'Hợp tác quốc phòng được hai bên đẩy mạnh.',
  'Năm nay, hai bên tiếp tục bàn về hợp tác quốc phòng trong bối cảnh khu vực có nhiều biến động về an ninh, kinh tế, thương mại, năng lượng và khí hậu, cũng như về giáo dục, y tế và du lịch giữa hai nước.',
];
const articles = [
  ...phraseTexts.map((text, i) => makeArticle({ id: `a${String(i).padStart(2, '0')}`, date: '2025-01', paragraphs: [text] })),
  makeArticle({ id: 'b00', date: '2025-02', paragraphs: ['Quốc gia láng giềng hợp tác về phòng chống thiên tai.'] }),
];
const index = buildPassageIndex(articles);
const where = (hit: PassageHit) => hit.articleId;
const textOf = (hit: PassageHit) => articles.find((article) => article.id === hit.articleId)!.paragraphs.numbered(hit.paragraph)!.text;

describe('a search that stops at enough answers', () => {
  it('ranks the whole library without a stop: the strongest paragraph, in the first article, comes first', () => {
    expect(index.search('hợp tác quốc phòng', {}, 3).hits.map(where)[0]).toBe('a00');
  });

  it('ranks only the paragraphs found first from the last articles, best first', () => {
    const hits = index.search('hợp tác quốc phòng', {}, 2, { enoughAnswers: 3 }).hits;
    // Found in the order a11, a10, a09; ranked by score: a11's long paragraph last.
    expect(hits.map(where)).toEqual(['a10', 'a09']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search('hợp tác quốc phòng', {}, 5, { enoughAnswers: 3 }).hits.map(where).sort()).toEqual(['a09', 'a10', 'a11']);
  });

  it('lists only paragraphs that hold every word typed, folded, as the full search does', () => {
    for (const query of ['hop tac quoc phong', 'quốc phòng', 'hợp tác']) {
      const hits = index.search(query, {}, 25, { enoughAnswers: 5 }).hits;
      expect(hits.length, query).toBeGreaterThan(0);
      for (const hit of hits) {
        const folded = foldDiacritics(textOf(hit).toLowerCase());
        for (const word of foldDiacritics(query).split(' ')) expect(folded, query).toContain(word);
      }
    }
  });

  it('finds what the full search finds when fewer paragraphs answer than it would take', () => {
    const full = index.search('hợp tác quốc phòng', {}, 25).hits.map(where);
    expect(index.search('hợp tác quốc phòng', {}, 25, { enoughAnswers: 100 }).hits.map(where)).toEqual(full);
    // The twelve with the phrase, then the one with its words scattered.
    expect(full).toHaveLength(13);
    expect(full.at(-1)).toBe('b00');
  });

  it('falls back, as the full search does, to the words scattered when no paragraph holds the phrase', () => {
    expect(index.search('phòng chống thiên tai láng giềng', {}, 5, { enoughAnswers: 3 }).hits.map(where)).toEqual(['b00']);
  });
});
