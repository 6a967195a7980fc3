// /sources: the articles in the corpus, newest first. The list is made once per library (ahead of
// need while a library loads, in slices: prepareSources) and shared, frozen, by every /sources and
// page press, so a command costs the same whether the library holds 2 articles or 10,000.
import type { Answer, AnswerItem } from './answer.ts';
import type { Library } from '../library/library.ts';
import { articleHeadline, headlineFields } from './articleHeadline.ts';
import { citationFor } from './ask.ts';
import { type Checkpoint, derivedOnce } from '../text/steps.ts';

/** Articles turned into items between two chances to pause. */
const ARTICLES_PER_STEP = 200;

const sourcesOf = derivedOnce(sourceSteps);

export function answerSources(library: Library): Answer {
  const items = sourcesOf.get(library);
  const answer: Answer = { command: 'sources', options: {}, items };
  if (items.length === 0) answer.nothingFound = { reason: 'empty-library' };
  return answer;
}

/** Makes the list for `library` ahead of need, pausing at `checkpoint`. */
export function prepareSources(library: Library, checkpoint: Checkpoint): Promise<void> {
  return sourcesOf.prepare(library, checkpoint);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* sourceSteps(library: Library): Generator<void, readonly AnswerItem[], void> {
  // Dates (YYYY-MM[-DD]) and ids ([A-Za-z0-9_-]) are ASCII: plain comparison orders them as localeCompare
  // did, at a fraction of its cost (a sort of 8,689 articles with localeCompare blocked a reload ~100 ms).
  const articles = [...library.corpus.articles].sort((a, b) => compareText(b.date.text, a.date.text) || compareText(a.id, b.id));
  yield;
  const items: AnswerItem[] = [];
  for (const article of articles) {
    const first = article.paragraphs[0];
    const firstSentence = first?.sentences[0]?.text ?? first?.text;
    const { source, url, credit } = article.meta;
    items.push({
      kind: 'article' as const,
      date: article.date.text,
      summary: articleHeadline(article),
      paragraphs: article.paragraphs.length,
      ...headlineFields(article),
      ...(source ? { source } : {}),
      ...(url ? { url } : {}),
      ...(credit ? { credit } : {}),
      citations: first && firstSentence ? [citationFor(article, first, firstSentence)] : [],
    });
    if (items.length % ARTICLES_PER_STEP === 0) yield;
  }
  return Object.freeze(items);
}
