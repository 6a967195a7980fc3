// What each agreement quotes, folded and by syllable: /agreements' topic search, and the quotes that
// itemsOfParties.ts reads for a party named in what was agreed.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { foldDiacritics } from '../../text/foldDiacritics.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { forEachWord } from './wordsOfText.ts';
import { type PositionLists, PositionListsBuilder, positionsOf } from './positionLists.ts';

export interface AgreementQuotes {
  /** Folded text of each agreement's quotes, aligned with `library.agreements` (equal texts shared). */
  foldedAgreementQuotes: string[];
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
    const text = agreementQuoteText(library.agreements[position]!);
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
  return { foldedAgreementQuotes, agreementsBySyllable: yield* agreementsBySyllable.build() };
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;

/**
 * The text stored one byte a character when it can be: folding leaves quotes all but ASCII, yet in
 * strings of two bytes a character (cut from two-byte originals), twice the memory they need.
 */
function compactText(text: string): string {
  return BEYOND_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** Scratch space for the positions a lookup finds, reused so that a command leaves one exact-size list behind. */
let scratch = new Uint32Array(1024);

function scratchOf(size: number): Uint32Array {
  if (scratch.length < size) scratch = new Uint32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

/**
 * The agreements within positions [from, to) of `library.agreements` whose quotes contain every typed
 * word, compared without marks, in date order, in a new array: the rarest word's agreements (from a
 * syllable index), each checked for the other words in their own (sorted) lists, and only failing
 * that in the quote's text (a word may stand inside a longer one).
 */
export function agreementsContainingWords(library: Library, typed: string, from = 0, to = library.agreements.length): AnswerItem[] {
  const words = foldedWords(typed);
  if (words.length === 0) return [];
  const { agreementsBySyllable, foldedAgreementQuotes } = agreementQuotesIndex.get(library);
  const lists: Uint32Array[] = [];
  for (const word of words) {
    const list = positionsOf(agreementsBySyllable, word);
    if (!list) return [];
    lists.push(list);
  }
  const rarestAt = lists.reduce((best, list, i) => (list.length < lists[best]!.length ? i : best), 0);
  const rarest = lists[rarestAt]!;
  // Candidates ascend, so each other list is walked once, by a cursor.
  const cursors = lists.map((list) => lowerBound(list, from, (value) => value));
  const found = scratchOf(rarest.length);
  let count = 0;
  for (let i = lowerBound(rarest, from, (value) => value); i < rarest.length && rarest[i]! < to; i++) {
    const position = rarest[i]!;
    let all = true;
    for (let w = 0; w < words.length && all; w++) {
      if (w === rarestAt) continue;
      const list = lists[w]!;
      let cursor = cursors[w]!;
      while (cursor < list.length && list[cursor]! < position) cursor++;
      cursors[w] = cursor;
      if (list[cursor] !== position) all = foldedAgreementQuotes[position]!.includes(words[w]!);
    }
    if (all) found[count++] = position;
  }
  const agreements: AnswerItem[] = new Array(count);
  for (let i = 0; i < count; i++) agreements[i] = library.agreements[found[i]!]!;
  return agreements;
}
