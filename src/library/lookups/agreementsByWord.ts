// What each agreement quotes, folded and by syllable: /agreements' topic search, and the quotes that
// itemsOfParties.ts reads for a party named in what was agreed.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { foldDiacritics } from '../../text/foldDiacritics.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { syllablesInsideOthers } from './syllablesInsideOthers.ts';
import { forEachWord } from './wordsOfText.ts';
import { type PositionLists, PositionListsBuilder, positionsOf } from './positionLists.ts';

export interface AgreementQuotes {
  /** Folded text of each agreement's quotes, aligned with `library.agreements` (equal texts shared). */
  foldedAgreementQuotes: string[];
  /** Positions in `library.agreements` whose quotes hold each folded syllable, ascending. */
  agreementsBySyllable: PositionLists;
}

export const agreementQuotesIndex = derivedOnce(agreementQuoteSteps);

/** The syllables of `agreementsBySyllable` inside a longer one: the topic words that may need a quote's text. */
export const syllablesInsideOthersIndex = derivedOnce(function* (library: Library): Generator<void, ReadonlySet<string>, void> {
  return yield* syllablesInsideOthers((yield* agreementQuotesIndex.stepsOf(library)).agreementsBySyllable.idOf);
});

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

/** Scratch space for the positions a lookup finds, reused by every command. */
let scratch = new Uint32Array(1024);

function scratchOf(size: number): Uint32Array {
  if (scratch.length < size) scratch = new Uint32Array(Math.max(size, scratch.length * 2));
  return scratch;
}

const NO_POSITIONS = new Uint32Array(0);

/**
 * The positions within [from, to) of `library.agreements` whose quotes contain every typed word,
 * compared without marks, ascending: the rarest word's agreements (from a syllable index), kept when
 * each other word's (sorted) list holds them too, or, for a word that stands inside a longer syllable,
 * when the quote's text holds it. A view of scratch space that the next call reuses.
 */
export function agreementPositionsWithWords(library: Library, typed: string, from = 0, to = library.agreements.length): Uint32Array {
  const words = foldedWords(typed);
  if (words.length === 0) return NO_POSITIONS;
  const { agreementsBySyllable, foldedAgreementQuotes } = agreementQuotesIndex.get(library);
  const insideOthers = syllablesInsideOthersIndex.get(library);
  const lists: Uint32Array[] = [];
  for (const word of words) {
    const list = positionsOf(agreementsBySyllable, word);
    if (!list) return NO_POSITIONS;
    lists.push(list);
  }
  const rarestAt = lists.reduce((best, list, i) => (list.length < lists[best]!.length ? i : best), 0);
  const rarest = lists[rarestAt]!;
  const first = lowerBoundOf(rarest, from);
  let count = lowerBoundOf(rarest, to, first) - first;
  const found = scratchOf(count);
  found.set(rarest.subarray(first, first + count));
  // Each other word narrows the candidates in one pass: a merge of two ascending lists.
  for (let w = 0; w < words.length && count > 0; w++) {
    if (w === rarestAt) continue;
    const word = words[w]!;
    count = insideOthers.has(word)
      ? keepHolding(found, count, lists[w]!, foldedAgreementQuotes, word)
      : keepListed(found, count, lists[w]!);
  }
  return found.subarray(0, count);
}

/** Keeps, in place, the first `count` candidates that `list` holds too (both ascend); returns how many. */
function keepListed(candidates: Uint32Array, count: number, list: Uint32Array): number {
  let kept = 0;
  let cursor = lowerBoundOf(list, candidates[0]!);
  for (let i = 0; i < count && cursor < list.length; i++) {
    const position = candidates[i]!;
    while (cursor < list.length && list[cursor]! < position) cursor++;
    if (list[cursor] === position) candidates[kept++] = position;
  }
  return kept;
}

/** The same, keeping also the candidates whose quote's text holds `word` (inside a longer syllable). */
function keepHolding(candidates: Uint32Array, count: number, list: Uint32Array, quotes: readonly string[], word: string): number {
  let kept = 0;
  let cursor = lowerBoundOf(list, candidates[0]!);
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    while (cursor < list.length && list[cursor]! < position) cursor++;
    if (list[cursor] === position || quotes[position]!.includes(word)) candidates[kept++] = position;
  }
  return kept;
}
