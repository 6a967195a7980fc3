// Builds a small Article for search tests: paragraphs are the blocks between blank lines, with
// offsets into the body exactly as the corpus loader gives them.

import type { Article, Paragraph } from '../../src/corpus/types.ts';
import { ParagraphArray } from '../../src/corpus/paragraphArray.ts';

export interface ArticleSketch {
  id: string;
  /** `2025-06` */
  date: string;
  paragraphs: string[];
}

export function makeArticle({ id, date, paragraphs: texts }: ArticleSketch): Article {
  const body = texts.map((text) => text.normalize('NFC')).join('\n\n');
  const paragraphs: Paragraph[] = [];
  let start = 0;
  for (const block of body.split('\n\n')) {
    const end = start + block.length;
    paragraphs.push({
      articleId: id,
      number: paragraphs.length + 1,
      text: block,
      start,
      end,
      sentences: [{ number: 1, text: block, start, end }],
    });
    start = end + 2;
  }
  const [year, month] = date.split('-').map(Number) as [number, number];
  return {
    id,
    file: `${id}.txt`,
    format: 'text',
    date: { year, month, text: date },
    meta: {},
    body,
    bodyLine: 2,
    paragraphs: new ParagraphArray(paragraphs),
    hash: id,
  };
}
