// /agreements' topic search: the agreements whose quotes hold every word of a topic, found from the
// syllable lists of agreementsByWord.ts, as positions (the engine makes items of them once).
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { agreementQuotesIndex } from './agreementsByWord.ts';
import { syllablesInsideOthers } from './syllablesInsideOthers.ts';

/** What makes the search fast, derived from the syllable lists when the library is opened. */
export interface SyllableShortcuts {
  /** The syllables inside a longer one: the topic words for which a quote's text may have to be read. */
  insideOthers: ReadonlySet<string>;
  /**
   * A bit per agreement for each syllable in at least one agreement in 32 (by syllable id), no larger
   * than its list: a candidate is checked against a common word ("hop", "tac") by one read, not by
   * walking a list of tens of thousands.
   */
  bitsOfSyllable: ReadonlyMap<number, Uint32Array>;
}

export const syllableShortcutsIndex = derivedOnce(function* (library: Library): Generator<void, SyllableShortcuts, void> {
  const { idOf, starts, positions } = (yield* agreementQuotesIndex.stepsOf(library)).agreementsBySyllable;
  const insideOthers = yield* syllablesInsideOthers(idOf);
  const agreementCount = library.agreements.length;
  const bitsOfSyllable = new Map<number, Uint32Array>();
  for (let id = 0; id + 1 < starts.length; id++) {
    if ((starts[id + 1]! - starts[id]!) * 32 < agreementCount) continue;
    const bits = new Uint32Array((agreementCount + 31) >>> 5);
    for (let at = starts[id]!; at < starts[id + 1]!; at++) bits[positions[at]! >>> 5]! |= 1 << (positions[at]! & 31);
    bitsOfSyllable.set(id, bits);
    yield;
  }
  return { insideOthers, bitsOfSyllable };
});

/** Scratch space for the positions a lookup finds, reused by every command. */
let scratch = new Uint32Array(1024);

const NO_POSITIONS = new Uint32Array(0);

/**
 * The positions within [from, to) of `library.agreements` whose quotes contain every typed word,
 * compared without marks, ascending: the rarest word's agreements (from a syllable index), kept when
 * each other word's list holds them too, or, for a word that stands inside a longer syllable, when the
 * quote's text holds it. A view of scratch space that the next call reuses.
 */
export function agreementPositionsWithWords(library: Library, typed: string, from = 0, to = library.agreements.length): Uint32Array {
  const words = foldedWords(typed);
  if (words.length === 0) return NO_POSITIONS;
  const { agreementsBySyllable, foldedAgreementQuotes } = agreementQuotesIndex.get(library);
  const { insideOthers, bitsOfSyllable } = syllableShortcutsIndex.get(library);
  const { idOf, starts, positions } = agreementsBySyllable;
  const ids: number[] = [];
  for (const word of words) {
    const id = idOf.get(word);
    if (id === undefined) return NO_POSITIONS;
    ids.push(id);
  }
  const sizeOf = (id: number) => starts[id + 1]! - starts[id]!;
  const rarestAt = ids.reduce((best, id, i) => (sizeOf(id) < sizeOf(ids[best]!) ? i : best), 0);
  const rarest = ids[rarestAt]!;
  const first = lowerBoundOf(positions, from, starts[rarest]!, starts[rarest + 1]!);
  let count = lowerBoundOf(positions, to, first, starts[rarest + 1]!) - first;
  if (scratch.length < count) scratch = new Uint32Array(Math.max(count, scratch.length * 2));
  const found = scratch;
  found.set(positions.subarray(first, first + count));
  // Each other word narrows the candidates in one pass: a bit read each, or a merge of two ascending lists.
  for (let w = 0; w < words.length && count > 0; w++) {
    if (w === rarestAt) continue;
    const word = words[w]!;
    const id = ids[w]!;
    const list = positions.subarray(starts[id]!, starts[id + 1]!);
    const quotes = insideOthers.has(word) ? foldedAgreementQuotes : undefined;
    const bits = bitsOfSyllable.get(id);
    count = bits ? keepMarked(found, count, bits, quotes, word) : keepListed(found, count, list, quotes, word);
  }
  return found.subarray(0, count);
}

/**
 * Keeps, in place, the first `count` candidates that `list` holds too (both ascend), or whose quote's
 * text holds `word` when `quotes` are given; returns how many.
 */
function keepListed(
  candidates: Uint32Array,
  count: number,
  list: Uint32Array,
  quotes: readonly string[] | undefined,
  word: string,
): number {
  let kept = 0;
  let cursor = lowerBoundOf(list, candidates[0]!);
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    while (cursor < list.length && list[cursor]! < position) cursor++;
    if (list[cursor] === position || (quotes !== undefined && quotes[position]!.includes(word))) candidates[kept++] = position;
  }
  return kept;
}

/** The same with the list as a bit per agreement. */
function keepMarked(
  candidates: Uint32Array,
  count: number,
  bits: Uint32Array,
  quotes: readonly string[] | undefined,
  word: string,
): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    if ((bits[position >>> 5]! >>> (position & 31)) & 1 || (quotes !== undefined && quotes[position]!.includes(word)))
      candidates[kept++] = position;
  }
  return kept;
}
