// Articles cross to the extraction worker as plain fields and numbers (articlesOnTheWire.ts): what
// arrives must be the very articles sent, every paragraph and sentence cut back out of the body.
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { packArticles, unpackArticles } from '../../src/library/articlesOnTheWire.ts';
import { BUNDLED_CORPUS } from './corpusCopy.ts';
import { ParagraphArray } from '../../src/corpus/paragraphArray.ts';
import type { Article } from '../../src/corpus/types.ts';

/** An article with its paragraphs as a plain array, to compare what they hold. */
const withParagraphArray = (article: Article) => ({ ...article, paragraphs: [...article.paragraphs] });

describe('articles on the wire', () => {
  it('unpacks to the articles that were packed', async () => {
    const loaded = await loadCorpus(BUNDLED_CORPUS);
    if (!loaded.ok) throw new Error('the bundled corpus does not load');
    const articles = loaded.corpus.articles;
    // structuredClone: what postMessage does to the message on its way.
    const arrived = unpackArticles(structuredClone(packArticles(articles)));
    expect(arrived.map(withParagraphArray)).toEqual(articles.map(withParagraphArray));
    expect(arrived.flatMap((article) => [...article.paragraphs]).length).toBeGreaterThan(10);
  });

  it('sends no paragraph objects, only numbers', () => {
    const body = 'Một câu. Câu hai!\nĐoạn hai.';
    const article = {
      id: 'a',
      file: 'a.txt',
      format: 'text' as const,
      date: { year: 2025, month: 6, text: '2025-06' },
      meta: {},
      body,
      bodyLine: 3,
      hash: 'h',
      paragraphs: new ParagraphArray([
        { articleId: 'a', number: 1, text: 'Một câu. Câu hai!', start: 0, end: 17, sentences: [] },
        {
          articleId: 'a',
          number: 2,
          text: 'Đoạn hai.',
          start: 18,
          end: 27,
          sentences: [{ number: 1, text: 'Đoạn hai.', start: 18, end: 27 }],
        },
      ]),
    };
    const wire = packArticles([article]);
    expect(wire.articles[0]).not.toHaveProperty('paragraphs');
    expect([...wire.spans]).toEqual([2, 1, 0, 17, 0, 2, 18, 27, 1, 1, 18, 27]);
    expect(unpackArticles(wire).map(withParagraphArray)).toEqual([withParagraphArray(article)]);
  });
});
