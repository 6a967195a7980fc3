// /cite: one paragraph, or one sentence of it, verbatim, ready to paste. Ids look like
// `article#6`; `article ¶6` and `article 6` are accepted too.
import type { Answer } from './answer.ts';
import type { Library } from '../library/library.ts';
import { articleHeadline, headlineFields } from '../library/articleHeadline.ts';
import { citationFor } from '../library/citationSource.ts';
import { paragraphId } from './citationText.ts';

export { paragraphId };

export interface CiteOptions {
  id: string;
  /** 1-based sentence of the paragraph; the whole paragraph when absent. */
  sentence?: number;
}

export function parseParagraphId(id: string): { articleId: string; paragraph: number } | undefined {
  const match = /^\s*([^\s#¶]+)\s*(?:#|¶|\s)\s*¶?\s*(\d{1,6})\s*$/u.exec(id);
  if (!match) return undefined;
  return { articleId: match[1]!, paragraph: Number(match[2]) };
}

export function answerCite(library: Library, options: CiteOptions): Answer {
  const answer: Answer = {
    command: 'cite',
    options: options.sentence === undefined ? { id: options.id } : { id: options.id, sentence: options.sentence },
    items: [],
  };
  const parsed = parseParagraphId(options.id);
  const article = parsed && library.articlesById.get(parsed.articleId);
  if (!parsed || !article) {
    answer.nothingFound = parsed
      ? { reason: 'no-such-article', articleId: parsed.articleId }
      : { reason: 'not-a-paragraph-id', id: options.id, example: exampleId(library) };
    answer.suggestions = library.corpus.articles.slice(0, 5).map((entry) => paragraphId(entry.id, 1));
    return answer;
  }
  const paragraph = article.paragraphs.numbered(parsed.paragraph);
  if (!paragraph) {
    answer.nothingFound = {
      reason: 'no-such-paragraph',
      articleId: article.id,
      paragraph: parsed.paragraph,
      paragraphCount: article.paragraphs.length,
    };
    answer.suggestions = [paragraphId(article.id, 1), paragraphId(article.id, article.paragraphs.length)];
    return answer;
  }
  let quote = paragraph.text;
  if (options.sentence !== undefined) {
    const sentences = paragraph.sentences.length > 0 ? paragraph.sentences.map((sentence) => sentence.text) : [paragraph.text];
    const chosen = sentences[options.sentence - 1];
    if (chosen === undefined) {
      answer.nothingFound = {
        reason: 'no-such-sentence',
        articleId: article.id,
        paragraph: paragraph.number,
        sentence: options.sentence,
        sentenceCount: sentences.length,
      };
      answer.suggestions = [paragraphId(article.id, paragraph.number)];
      return answer;
    }
    quote = chosen;
  }
  answer.items = [
    {
      kind: 'passage',
      date: article.date.text,
      summary: `${articleHeadline(article)} — ¶${paragraph.number}`,
      ...headlineFields(article),
      citations: [citationFor(article, paragraph, quote)],
    },
  ];
  return answer;
}

function exampleId(library: Library): string {
  const first = library.corpus.articles[0];
  return first ? paragraphId(first.id, 1) : 'article-id#1';
}
