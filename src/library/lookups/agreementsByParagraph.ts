// The agreements quoting each paragraph: /agreements finds what was agreed in the passages a search
// returns. Kept per article (an article holds a few agreements), so that no key is made per paragraph.
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { type PositionLists, PositionListsBuilder, positionsOf } from './positionLists.ts';

/** Positions in `library.agreements` quoting each article (by id), ascending. */
export const agreementsByArticleIndex = derivedOnce(agreementsByArticleSteps);

function* agreementsByArticleSteps(library: Library): Generator<void, PositionLists, void> {
  const agreementsByArticle = new PositionListsBuilder();
  for (let position = 0; position < library.agreements.length; position++) {
    for (const citation of library.agreements.at(position).citations) agreementsByArticle.add(citation.articleId, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return yield* agreementsByArticle.build();
}

/** Positions in `library.agreements` within [from, to) quoting any of `paragraphs`, ascending. */
export function agreementsQuoting(
  library: Library,
  paragraphs: readonly { articleId: string; paragraph: number }[],
  from = 0,
  to = library.agreements.length,
): number[] {
  const agreementsByArticle = agreementsByArticleIndex.get(library);
  const positions = new Set<number>();
  for (const { articleId, paragraph } of paragraphs) {
    for (const position of positionsOf(agreementsByArticle, articleId) ?? []) {
      if (position < from || position >= to || positions.has(position)) continue;
      const quotesParagraph = library.agreements
        .at(position)
        .citations.some((citation) => citation.articleId === articleId && citation.paragraph === paragraph);
      if (quotesParagraph) positions.add(position);
    }
  }
  return [...positions].sort((a, b) => a - b);
}
