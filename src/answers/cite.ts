// /cite: one paragraph, verbatim, ready to paste. Ids look like `001_03677d34c6a97d66#6`;
// `001_03677d34c6a97d66 ¶6` and `001_03677d34c6a97d66 6` are accepted too.
import type { Answer } from './answer.ts';
import type { Library } from './library.ts';
import { articleHeadline } from './articleHeadline.ts';
import { citationFor } from './ask.ts';

export function paragraphId(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

export function parseParagraphId(id: string): { articleId: string; paragraph: number } | undefined {
  const match = /^\s*([^\s#¶]+)\s*(?:#|¶|\s)\s*¶?\s*(\d{1,6})\s*$/u.exec(id);
  if (!match) return undefined;
  return { articleId: match[1]!, paragraph: Number(match[2]) };
}

export function answerCite(library: Library, options: { id: string }): Answer {
  const answer: Answer = { command: 'cite', options: { id: options.id }, items: [] };
  const parsed = parseParagraphId(options.id);
  const article = parsed && library.articlesById.get(parsed.articleId);
  if (!parsed || !article) {
    answer.message = parsed
      ? `No article "${parsed.articleId}" in the corpus. /sources lists the articles.`
      : `"${options.id}" is not a paragraph id: use the form article#paragraph, e.g. ${exampleId(library)}.`;
    answer.suggestions = library.corpus.articles.slice(0, 5).map((entry) => paragraphId(entry.id, 1));
    return answer;
  }
  const paragraph = article.paragraphs[parsed.paragraph - 1];
  if (!paragraph) {
    answer.message = `Article ${article.id} has paragraphs 1 to ${article.paragraphs.length}; there is no ¶${parsed.paragraph}.`;
    answer.suggestions = [paragraphId(article.id, 1), paragraphId(article.id, article.paragraphs.length)];
    return answer;
  }
  answer.items = [
    {
      kind: 'passage',
      date: article.date.text,
      summary: `${articleHeadline(article)} — ¶${paragraph.number}`,
      citations: [citationFor(article, paragraph, paragraph.text)],
    },
  ];
  return answer;
}

function exampleId(library: Library): string {
  const first = library.corpus.articles[0];
  return first ? paragraphId(first.id, 1) : 'article-id#1';
}
