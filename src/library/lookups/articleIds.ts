// The article ids in order, for autocomplete while an id is typed (/cite).
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBoundAt } from '../../text/lowerBound.ts';
import { sortInSteps } from './pausingSteps.ts';

/** Positions in `library.corpus.articles` by lowercased id, for prefix lookups while an id is typed. */
export const articleIdOrderIndex = derivedOnce(articleIdOrderSteps);

/**
 * Article ids, lowercased and sorted (in the order of `articleIdOrderIndex`), as one text: id `i` of the
 * order is `lower.slice(starts[i], starts[i + 1])`. An object and a string per article were 174k objects
 * at 1M paragraphs for every full collection to walk.
 */
export const articleIdsIndex = derivedOnce(sortedArticleIdSteps);

export interface SortedArticleIds {
  /** Positions in `library.corpus.articles`, by lowercased id. */
  order: Uint32Array;
  lower: string;
  /** Where each lowercased id starts in `lower`; one more entry, the length of `lower`. */
  starts: Uint32Array;
}

function* articleIdOrderSteps(library: Library): Generator<void, Uint32Array, void> {
  const lower = library.corpus.articles.map((article) => article.id.toLowerCase());
  yield;
  const order = yield* sortInSteps(
    lower.map((_, i) => i),
    (a, b) => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : 0),
  );
  return Uint32Array.from(order);
}

function* sortedArticleIdSteps(library: Library): Generator<void, SortedArticleIds, void> {
  // The order may come with the library's cache (storedLookups.ts).
  const order = yield* articleIdOrderIndex.stepsOf(library);
  const { articles } = library.corpus;
  const lowered: string[] = new Array(order.length);
  const starts = new Uint32Array(order.length + 1);
  for (let i = 0; i < order.length; i++) {
    lowered[i] = articles[order[i]!]!.id.toLowerCase();
    starts[i + 1] = starts[i]! + lowered[i]!.length;
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
  }
  return { order, lower: lowered.join(''), starts };
}

/** Articles read between two chances to pause. */
const ARTICLES_PER_STEP = 2_048;

/** Ids of the articles whose id starts with `prefix` (case-insensitive), in id order, at most `limit`. */
export function articleIdsStartingWith(library: Library, prefix: string, limit: number): string[] {
  const { order, lower, starts } = articleIdsIndex.get(library);
  const { articles } = library.corpus;
  const lowerAt = (i: number) => lower.slice(starts[i]!, starts[i + 1]!);
  const typed = prefix.toLowerCase();
  const ids: string[] = [];
  for (let i = lowerBoundAt(typed, lowerAt, 0, order.length); i < order.length && ids.length < limit && lowerAt(i).startsWith(typed); i++) {
    ids.push(articles[order[i]!]!.id);
  }
  return ids;
}
