// The article ids in order, for autocomplete while an id is typed (/cite).
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { sortInSteps } from './pausingSteps.ts';

/** Article ids, lowercased and sorted, for prefix lookups while an id is typed. */
export const articleIdsIndex = derivedOnce(sortedArticleIdSteps);

function* sortedArticleIdSteps(library: Library): Generator<void, { lower: string; id: string }[], void> {
  const articleIds = library.corpus.articles.map((article) => ({ lower: article.id.toLowerCase(), id: article.id }));
  yield;
  return yield* sortInSteps(articleIds, (a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
}

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
