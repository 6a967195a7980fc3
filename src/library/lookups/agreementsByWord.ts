// What each agreement quotes, folded and by syllable: what /agreements' topic search reads
// (agreementsWithWords.ts), and the quotes that itemsOfParties.ts reads for a party named in what was agreed.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { foldDiacritics } from '../../text/foldDiacritics.ts';
import { derivedOnce } from '../../text/steps.ts';
import { type StringList, ArrayByIndex } from '../../text/listByIndex.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { forEachWord } from './wordsOfText.ts';
import { type PositionLists, PositionListsBuilder } from './positionLists.ts';

export interface AgreementQuotes {
  /** Folded text of each agreement's quotes, aligned with `library.agreements` (equal texts shared). */
  foldedAgreementQuotes: StringList;
  /** Positions in `library.agreements` whose quotes hold each folded syllable, ascending. */
  agreementsBySyllable: PositionLists;
}

export const agreementQuotesIndex = derivedOnce(agreementQuoteSteps);

/** The quotes of an agreement as one text, one line each. */
export function agreementQuoteText(agreement: AnswerItem): string {
  const { citations } = agreement;
  return citations.length === 1 ? citations[0]!.quote : citations.map((citation) => citation.quote).join('\n');
}

function* agreementQuoteSteps(library: Library): Generator<void, AgreementQuotes, void> {
  const foldedAgreementQuotes: string[] = new Array(library.agreements.length);
  const agreementsBySyllable = new PositionListsBuilder();
  // Several agreements quote one sentence: each distinct quote is folded and split once.
  const quoteOnce = new Map<string, { folded: string; syllableIds: number[] }>();
  for (let position = 0; position < library.agreements.length; position++) {
    const text = agreementQuoteText(library.agreements.at(position));
    let quote = quoteOnce.get(text);
    if (!quote) {
      const folded = compactText(foldDiacritics(text));
      const syllableIds: number[] = [];
      forEachWord(folded, (syllable) => syllableIds.push(agreementsBySyllable.idFor(syllable)));
      quoteOnce.set(text, (quote = { folded, syllableIds }));
    }
    foldedAgreementQuotes[position] = quote.folded;
    for (const id of quote.syllableIds) agreementsBySyllable.addById(id, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return { foldedAgreementQuotes: new ArrayByIndex(foldedAgreementQuotes), agreementsBySyllable: yield* agreementsBySyllable.build() };
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;

/**
 * The text stored one byte a character when it can be: folding leaves quotes all but ASCII, yet in
 * strings of two bytes a character (cut from two-byte originals), twice the memory they need.
 */
function compactText(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}
