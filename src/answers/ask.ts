// /ask: free text. The index ranks paragraphs; from each we quote the sentence that answers best
// (the one holding most of the query's words), with the matched words marked for bold.
import type { Article, Paragraph, Sentence } from '../corpus/types.ts';
import type { Answer, AnswerItem } from './answer.ts';
import type { Library } from './library.ts';
import { highlightSpans } from '../search/highlight.ts';
import { describeFilters, yearsHint } from './nothingFound.ts';
import { articleHeadline } from './articleHeadline.ts';

export interface AskOptions {
  question: string;
  year?: number;
}

/** How many passages one answer shows; the Discord reply pages through them. */
export const MAX_PASSAGES = 10;

export function answerAsk(library: Library, options: AskOptions): Answer {
  const { question, year } = options;
  const outcome = library.index.search(question, year === undefined ? {} : { year }, MAX_PASSAGES);
  const items: AnswerItem[] = [];
  for (const hit of outcome.hits) {
    const article = library.articlesById.get(hit.articleId);
    const paragraph = article?.paragraphs[hit.paragraph - 1];
    if (!article || !paragraph) continue;
    const { sentence, highlights } = bestSentence(paragraph, question);
    items.push({
      kind: 'passage',
      date: article.date.text,
      summary: `${articleHeadline(article)} — ¶${paragraph.number}`,
      score: Math.round(hit.score * 1000) / 1000,
      citations: [citationFor(article, paragraph, sentence.text, highlights)],
    });
  }

  const answer: Answer = {
    command: 'ask',
    options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    items,
  };
  if (items.length === 0) {
    answer.message = `Nothing in the corpus answers${describeFilters({ question, year })}: its words are too far from the articles.${yearsHint(
      library,
    )} Try other words, fewer words, or the suggestions.`;
    answer.suggestions = library.index.suggest(question, 5);
    answer.yearsAvailable = library.years;
  }
  return answer;
}

function bestSentence(paragraph: Paragraph, question: string): { sentence: Sentence; highlights: ReturnType<typeof highlightSpans> } {
  let best = { sentence: paragraph.sentences[0] ?? wholeParagraph(paragraph), highlights: [] as ReturnType<typeof highlightSpans>, covered: -1 };
  for (const sentence of paragraph.sentences) {
    const highlights = highlightSpans(sentence.text, question);
    const covered = highlights.reduce((sum, span) => sum + (span.end - span.start), 0);
    if (covered > best.covered) best = { sentence, highlights, covered };
  }
  return best;
}

function wholeParagraph(paragraph: Paragraph): Sentence {
  return { number: 1, text: paragraph.text, start: paragraph.start, end: paragraph.end };
}

export function citationFor(article: Article, paragraph: Paragraph, quote: string, highlights: AnswerItem['citations'][number]['highlights'] = []) {
  return {
    articleId: article.id,
    date: article.date.text,
    paragraph: paragraph.number,
    quote,
    ...(article.meta.url ? { url: article.meta.url } : {}),
    ...(highlights && highlights.length > 0 ? { highlights } : {}),
  };
}
