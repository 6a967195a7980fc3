// The article ids in order, for autocomplete while an id is typed (/cite).
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { sortInSteps } from './pausingSteps.ts';

/** Positions in `library.corpus.articles` by lowercased id, for prefix lookups while an id is typed. */
export const articleIdOrderIndex = derivedOnce(articleIdOrderSteps);

/** Article ids, lowercased and sorted (in the order of `articleIdOrderIndex`). */
export const articleIdsIndex = derivedOnce(sortedArticleIdSteps);

function* articleIdOrderSteps(library: Library): Generator<void, Uint32Array, void> {
  const lower = library.corpus.articles.map((article) => article.id.toLowerCase());
  yield;
  const order = yield* sortInSteps(
    lower.map((_, i) => i),
    (a, b) => (lower[a]! < lower[b]! ? -1 : lower[a]! > lower[b]! ? 1 : 0),
  );
  return Uint32Array.from(order);
}

function* sortedArticleIdSteps(library: Library): Generator<void, { lower: string; id: string }[], void> {
  // The order may come with the library's cache (storedLookups.ts).
  const order = yield* articleIdOrderIndex.stepsOf(library);
  const { articles } = library.corpus;
  const sorted: { lower: string; id: string }[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const { id } = articles[order[i]!]!;
    sorted[i] = { lower: id.toLowerCase(), id };
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
  }
  return sorted;
}

/** Articles read between two chances to pause. */
const ARTICLES_PER_STEP = 2_048;

/** Ids of the articles whose id starts with `prefix` (case-insensitive), in id order, at most `limit`. */
export function articleIdsStartingWith(library: Library, prefix: string, limit: number): string[] {
  const sortedArticleIds = articleIdsIndex.get(library);
  const lower = prefix.toLowerCase();
  const low = lowerBound(sortedArticleIds, lower, (entry) => entry.lower);
  const ids: string[] = [];
  for (let i = low; i < sortedArticleIds.length && ids.length < limit && sortedArticleIds[i]!.lower.startsWith(lower); i++) {
    ids.push(sortedArticleIds[i]!.id);
  }
  return ids;
}
