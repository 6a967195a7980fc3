// Articles as they cross to the extraction worker (parallelBuild.ts): each article's plain fields and
// body as they are, its paragraphs and sentences as numbers in one typed array. Cloning the paragraph
// objects themselves would cost the builder's thread a pass over millions of small objects; the worker
// cuts every `text` back out of the body, which is exact because every `text` is a slice of it.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import { ParagraphArray } from '../corpus/paragraphArray.ts';

export interface ArticlesOnTheWire {
  articles: Omit<Article, 'paragraphs'>[];
  /** Per article: paragraph count; per paragraph: number, start, end, sentence count; per sentence: number, start, end. */
  spans: Int32Array;
}

export function packArticles(articles: readonly Article[]): ArticlesOnTheWire {
  let length = 0;
  for (const article of articles) {
    length += 1;
    for (const paragraph of article.paragraphs) length += 4 + 3 * paragraph.sentences.length;
  }
  const spans = new Int32Array(length);
  let at = 0;
  const plain = articles.map(({ paragraphs, ...fields }) => {
    spans[at++] = paragraphs.length;
    for (const paragraph of paragraphs) {
      spans[at++] = paragraph.number;
      spans[at++] = paragraph.start;
      spans[at++] = paragraph.end;
      spans[at++] = paragraph.sentences.length;
      for (const sentence of paragraph.sentences) {
        spans[at++] = sentence.number;
        spans[at++] = sentence.start;
        spans[at++] = sentence.end;
      }
    }
    return fields;
  });
  return { articles: plain, spans };
}

export function unpackArticles({ articles, spans }: ArticlesOnTheWire): Article[] {
  let at = 0;
  return articles.map((fields) => {
    const { id, body } = fields;
    const paragraphs: Paragraph[] = Array.from({ length: spans[at++]! }, () => {
      const number = spans[at++]!;
      const start = spans[at++]!;
      const end = spans[at++]!;
      const sentences: Sentence[] = Array.from({ length: spans[at++]! }, () => {
        const sentenceNumber = spans[at++]!;
        const sentenceStart = spans[at++]!;
        const sentenceEnd = spans[at++]!;
        return { number: sentenceNumber, text: body.slice(sentenceStart, sentenceEnd), start: sentenceStart, end: sentenceEnd };
      });
      return { articleId: id, number, text: body.slice(start, end), start, end, sentences };
    });
    return { ...fields, paragraphs: new ParagraphArray(paragraphs) };
  });
}
