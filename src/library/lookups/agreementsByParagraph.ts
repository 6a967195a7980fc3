// The agreements quoting each paragraph: /agreements finds what was agreed in the passages a search
// returns.
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';

/** Positions in `library.agreements` quoting each paragraph (`articleId#number`), ascending. */
export const agreementsByParagraphIndex = derivedOnce(agreementsByParagraphSteps);

function* agreementsByParagraphSteps(library: Library): Generator<void, Map<string, number[]>, void> {
  const agreementsByParagraph = new Map<string, number[]>();
  for (let position = 0; position < library.agreements.length; position++) {
    for (const citation of library.agreements[position]!.citations) {
      const key = paragraphKey(citation.articleId, citation.paragraph);
      const positions = agreementsByParagraph.get(key);
      if (!positions) agreementsByParagraph.set(key, [position]);
      else if (positions[positions.length - 1] !== position) positions.push(position);
    }
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return agreementsByParagraph;
}

function paragraphKey(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

/** Positions in `library.agreements` within [from, to) quoting any of `paragraphs`, ascending. */
export function agreementsQuoting(
  library: Library,
  paragraphs: readonly { articleId: string; paragraph: number }[],
  from = 0,
  to = library.agreements.length,
): number[] {
  const agreementsByParagraph = agreementsByParagraphIndex.get(library);
  const positions = new Set<number>();
  for (const { articleId, paragraph } of paragraphs) {
    for (const position of agreementsByParagraph.get(paragraphKey(articleId, paragraph)) ?? []) {
      if (position >= from && position < to) positions.add(position);
    }
  }
  return [...positions].sort((a, b) => a - b);
}
