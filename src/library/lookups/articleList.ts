// What /sources lists: the articles in the corpus, newest first. The list is made once per library
// (ahead of need while a library loads, in slices) and shared, frozen, by every /sources and page
// press, so a command costs the same whether the library holds 2 articles or 10,000.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import type { Article } from '../../corpus/types.ts';
import { openingWords, untitledHeadline } from '../articleHeadline.ts';
import { citationFor } from '../citationSource.ts';
import { derivedOnce } from '../../text/steps.ts';
import { sortInSteps } from './pausingSteps.ts';

/** Articles turned into items between two chances to pause. */
const ARTICLES_PER_STEP = 200;

/** Positions in `library.corpus.articles`, newest first (ids in order on one date). */
export const articleOrderIndex = derivedOnce(articleOrderSteps);

/** The library's articles as items, newest first (ids in order on one date), frozen. */
export const articleListIndex = derivedOnce(articleListSteps);

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* articleOrderSteps(library: Library): Generator<void, Uint32Array, void> {
  // Dates (YYYY-MM[-DD]) and ids ([A-Za-z0-9_-]) are ASCII: plain comparison orders them as localeCompare
  // did, at a fraction of its cost (a sort of 8,689 articles with localeCompare blocked a reload ~100 ms).
  // Sorted in runs with pauses between (87,000 articles sorted at once would block a reload too long),
  // as positions compared through arrays of their dates and ids, read once.
  const { articles } = library.corpus;
  const dates = articles.map((article) => article.date.text);
  const ids = articles.map((article) => article.id);
  yield;
  const order = yield* sortInSteps(
    articles.map((_, i) => i),
    (a, b) => compareText(dates[b]!, dates[a]!) || compareText(ids[a]!, ids[b]!),
  );
  return Uint32Array.from(order);
}

function* articleListSteps(library: Library): Generator<void, readonly AnswerItem[], void> {
  // The order may come with the library's cache (storedLookups.ts); the items are made here either way.
  const order = yield* articleOrderIndex.stepsOf(library);
  const { articles } = library.corpus;
  const items: AnswerItem[] = [];
  for (const position of order) {
    items.push(articleItem(articles[position]!));
    if (items.length % ARTICLES_PER_STEP === 0) yield;
  }
  return Object.freeze(items);
}

/**
 * The article as /sources lists it: as `articleHeadline` and `headlineFields` name it (its opening words
 * read once), with its outlet, link and photo credit, and a citation of its first sentence. Fields are
 * added in the order the JSON answer shows them.
 */
function articleItem(article: Article): AnswerItem {
  const first = article.paragraphs[0];
  const firstSentence = first?.sentences[0]?.text ?? first?.text;
  const { title, source, url, credit } = article.meta;
  const opening = title ? undefined : openingWords(article);
  const item: AnswerItem = {
    kind: 'article',
    date: article.date.text,
    summary: title ?? untitledHeadline(opening ?? openingWords(article)),
    paragraphs: article.paragraphs.length,
    ...(title ? { title } : { opening: opening! }),
    ...(source ? { source } : {}),
    ...(url ? { url } : {}),
    ...(credit ? { credit } : {}),
    citations: first && firstSentence ? [citationFor(article, first, firstSentence)] : [],
  };
  return item;
}
