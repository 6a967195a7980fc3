// What /sources lists: the articles in the corpus, newest first. The list is made once per library
// (ahead of need while a library loads, in slices) and shared, frozen, by every /sources and page
// press, so a command costs the same whether the library holds 2 articles or 10,000.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { articleHeadline, headlineFields } from '../articleHeadline.ts';
import { citationFor } from '../citationSource.ts';
import { derivedOnce } from '../../text/steps.ts';
import { sortInSteps } from './pausingSteps.ts';

/** Articles turned into items between two chances to pause. */
const ARTICLES_PER_STEP = 200;

/** The library's articles as items, newest first (ids in order on one date), frozen. */
export const articleListIndex = derivedOnce(articleListSteps);

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* articleListSteps(library: Library): Generator<void, readonly AnswerItem[], void> {
  // Dates (YYYY-MM[-DD]) and ids ([A-Za-z0-9_-]) are ASCII: plain comparison orders them as localeCompare
  // did, at a fraction of its cost (a sort of 8,689 articles with localeCompare blocked a reload ~100 ms).
  // Sorted in runs with pauses between: 87,000 articles sorted at once would block a reload too long.
  const articles = yield* sortInSteps(
    [...library.corpus.articles],
    (a, b) => compareText(b.date.text, a.date.text) || compareText(a.id, b.id),
  );
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
