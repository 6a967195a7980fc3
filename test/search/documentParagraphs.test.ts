// Which paragraph each document is, kept as columns: every lookup must give back the paragraph the
// document's id names, whether the articles come in the order the index was built in or not, and the
// article filter must score that article's paragraphs and no other.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { ParagraphArray } from '../../src/corpus/paragraphArray.ts';
import {
  type DocumentParagraphs,
  articleAt,
  documentsOfArticle,
  findDocumentParagraphs,
  paragraphAt,
  paragraphDocumentId,
} from '../../src/search/documentParagraphs.ts';
import { buildPassageIndex, loadPassageIndexColumns } from '../../src/search/passageIndex.ts';
import { DocumentIdTable } from '../../src/search/documentIdTable.ts';
import { runToEnd } from '../../src/text/steps.ts';
import { makeArticle } from './makeArticle.ts';

// Every paragraph holds `hội nghị`, and a word of its own (`mục1a`…) to find it alone.
const articles = ['a', 'b', 'c', 'd'].map((id, i) =>
  makeArticle({
    id,
    date: `202${i}-0${i + 1}`,
    paragraphs: Array.from({ length: 3 + i }, (_, p) => `Hội nghị bàn về mục${p + 1}${id} trong ngày ${p + 1}.`),
  }),
);
const ids = articles.flatMap((article) => [...article.paragraphs].map((paragraph) => paragraphDocumentId(article.id, paragraph.number)));

/** The document's id as the columns give it back, `undefined` when its paragraph is not shown. */
function idAt(columns: DocumentParagraphs, document: number): string | undefined {
  const article = articleAt(columns, document);
  const paragraph = paragraphAt(columns, document);
  expect(paragraph === undefined).toBe(article === undefined);
  if (article && paragraph) expect(article.paragraphs).toContain(paragraph);
  return article && paragraphDocumentId(article.id, paragraph!.number);
}

function columnsOf(given: readonly Article[]): DocumentParagraphs {
  // A step of 2 documents, so that slices end inside articles.
  return runToEnd(findDocumentParagraphs(DocumentIdTable.of(ids), given, 2));
}

describe('document paragraphs', () => {
  const shuffles: Array<[string, Article[]]> = [
    ['in the order indexed', articles],
    ['in another order', [articles[2]!, articles[0]!, articles[3]!, articles[1]!]],
    ['some of them left out', [articles[3]!, articles[1]!]],
    [
      'with a paragraph gone',
      [articles[0]!, { ...articles[1]!, paragraphs: new ParagraphArray([...articles[1]!.paragraphs].slice(0, 2)) }, articles[2]!],
    ],
  ];

  for (const [name, given] of shuffles) {
    it(`finds each document's paragraph, articles ${name}`, () => {
      const columns = columnsOf(given);
      const shown = new Set(given.flatMap((article) => [...article.paragraphs].map((p) => paragraphDocumentId(article.id, p.number))));
      ids.forEach((id, document) => {
        expect(idAt(columns, document), id).toBe(shown.has(id) ? id : undefined);
        expect(columns.shownByDocument[document]).toBe(shown.has(id) ? 1 : 0);
        if (shown.has(id)) expect(columns.yearByDocument[document]).toBe(given.find((a) => id.startsWith(`${a.id}#`))!.date.year);
      });
      for (const article of articles) {
        const expected = ids.flatMap((id, document) => (shown.has(id) && id.startsWith(`${article.id}#`) ? [document] : []));
        expect([...documentsOfArticle(columns, article.id)], article.id).toEqual(expected);
      }
      expect([...documentsOfArticle(columns, 'missing')]).toEqual([]);
    });
  }

  it('filters by article: every paragraph of that article, and none of another', async () => {
    const index = buildPassageIndex(articles);
    const reordered = await loadPassageIndexColumns(index.toColumns(), [articles[3]!, articles[1]!, articles[2]!]);
    for (const search of [index, reordered]) {
      for (const article of articles.slice(1)) {
        const hits = search.search('hội nghị', { articleId: article.id }, 20).hits;
        expect(hits.map((hit) => `${hit.articleId}#${hit.paragraph}`).sort()).toEqual(
          [...article.paragraphs].map((p) => paragraphDocumentId(article.id, p.number)).sort(),
        );
        // A paragraph's own word finds that paragraph, and the hit names it.
        const own = search.search(`mục2${article.id}`, { articleId: article.id }).hits;
        expect(own.map((hit) => [hit.articleId, hit.paragraph])).toEqual([[article.id, 2]]);
      }
    }
    expect(reordered.search('hội nghị', { articleId: 'a' }).hits).toEqual([]);
  });
});
