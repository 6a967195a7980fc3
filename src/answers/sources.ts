// /sources: the articles in the corpus, newest first.
import type { Answer, AnswerItem } from './answer.ts';
import type { Library } from './library.ts';
import { articleHeadline, headlineFields } from './articleHeadline.ts';
import { citationFor } from './ask.ts';

export function answerSources(library: Library): Answer {
  const items: AnswerItem[] = [...library.corpus.articles]
    .sort((a, b) => b.date.text.localeCompare(a.date.text) || a.id.localeCompare(b.id))
    .map((article) => {
      const first = article.paragraphs[0];
      const firstSentence = first?.sentences[0]?.text ?? first?.text;
      const { source, url, credit } = article.meta;
      return {
        kind: 'article' as const,
        date: article.date.text,
        summary: articleHeadline(article),
        paragraphs: article.paragraphs.length,
        ...headlineFields(article),
        ...(source ? { source } : {}),
        ...(url ? { url } : {}),
        ...(credit ? { credit } : {}),
        citations: first && firstSentence ? [citationFor(article, first, firstSentence)] : [],
      };
    });
  const answer: Answer = { command: 'sources', options: {}, items };
  if (items.length === 0) answer.message = 'The corpus has no articles yet.';
  return answer;
}
