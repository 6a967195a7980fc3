// /agreements' topic search: the agreements whose quotes hold every word of a topic, found from the
// syllable lists of agreementsByWord.ts, as positions (the engine makes items of them once).
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { agreementQuotesIndex } from './agreementsByWord.ts';
import { type PositionLists } from './positionLists.ts';
import { longerSyllables } from './syllablesInsideOthers.ts';
import type { StringList } from '../../text/listByIndex.ts';

/** What makes the search fast, derived from the syllable lists when the library is opened. */
export interface SyllableShortcuts {
  /** The longer syllables holding each syllable (by id): where else a topic's word may stand. */
  longerOf: PositionLists;
  /**
   * A bit per agreement for each syllable in at least one agreement in 32 (by syllable id), no larger
   * than its list: a candidate is checked against a common word ("hop", "tac") by one read, not by
   * walking a list of tens of thousands.
   */
  bitsOfSyllable: ReadonlyMap<number, Uint32Array>;
}

export const syllableShortcutsIndex = derivedOnce(function* (library: Library): Generator<void, SyllableShortcuts, void> {
  const { idOf, starts, positions } = (yield* agreementQuotesIndex.stepsOf(library)).agreementsBySyllable;
  const longerOf = yield* longerSyllables(idOf);
  const agreementCount = library.agreements.length;
  const bitsOfSyllable = new Map<number, Uint32Array>();
  for (let id = 0; id + 1 < starts.length; id++) {
    if ((starts[id + 1]! - starts[id]!) * 32 < agreementCount) continue;
    const bits = new Uint32Array((agreementCount + 31) >>> 5);
    for (let at = starts[id]!; at < starts[id + 1]!; at++) bits[positions[at]! >>> 5]! |= 1 << (positions[at]! & 31);
    bitsOfSyllable.set(id, bits);
    yield;
  }
  return { longerOf, bitsOfSyllable };
});

/** Scratch space for the positions a lookup finds, and for those of a word's longer syllables; reused by every command. */
let scratch = new Uint32Array(1024);
let elsewhere = new Uint32Array(1024);

const NO_POSITIONS = new Uint32Array(0);

/**
 * The positions within [from, to) of `library.agreements` whose quotes contain every typed word,
 * compared without marks, ascending: the rarest word's agreements (from a syllable index), kept when
 * each other word's list holds them too, or, for a word that stands inside a longer syllable, when
 * that syllable's list does. A view of scratch space that the next call reuses.
 */
export function agreementPositionsWithWords(library: Library, typed: string, from = 0, to = library.agreements.length): Uint32Array {
  const words = foldedWords(typed);
  if (words.length === 0) return NO_POSITIONS;
  const { agreementsBySyllable, foldedAgreementQuotes } = agreementQuotesIndex.get(library);
  const { longerOf, bitsOfSyllable } = syllableShortcutsIndex.get(library);
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
    const id = ids[w]!;
    const list = positions.subarray(starts[id]!, starts[id + 1]!);
    const bits = bitsOfSyllable.get(id);
    const longer = longerOf.positions.subarray(longerOf.starts[id]!, longerOf.starts[id + 1]!);
    // The candidates' agreements with a longer syllable holding the word, or (when those are more than
    // the candidates) undefined: then the quotes' text is read instead.
    const inLonger =
      longer.length === 0 ? NO_POSITIONS : positionsInLonger(agreementsBySyllable, longer, found[0]!, found[count - 1]! + 1, count);
    const quotes = inLonger ? undefined : foldedAgreementQuotes;
    count = bits
      ? keepMarked(found, count, bits, inLonger ?? NO_POSITIONS, quotes, words[w]!)
      : keepListed(found, count, list, inLonger ?? NO_POSITIONS, quotes, words[w]!);
  }
  return found.subarray(0, count);
}

/**
 * The positions within [from, to) in the lists of the `longer` syllables, ascending (a position may
 * repeat), or undefined when there are more than `most`. A view of scratch space.
 */
function positionsInLonger(lists: PositionLists, longer: Uint32Array, from: number, to: number, most: number): Uint32Array | undefined {
  const { starts, positions } = lists;
  let total = 0;
  for (let i = 0; i < longer.length; i++) {
    const id = longer[i]!;
    const start = lowerBoundOf(positions, from, starts[id]!, starts[id + 1]!);
    total += lowerBoundOf(positions, to, start, starts[id + 1]!) - start;
    if (total > most) return undefined;
  }
  if (elsewhere.length < total) elsewhere = new Uint32Array(Math.max(total, elsewhere.length * 2));
  let filled = 0;
  for (let i = 0; i < longer.length; i++) {
    const id = longer[i]!;
    const end = lowerBoundOf(positions, to, starts[id]!, starts[id + 1]!);
    for (let at = lowerBoundOf(positions, from, starts[id]!, end); at < end; at++) elsewhere[filled++] = positions[at]!;
  }
  return elsewhere.subarray(0, filled).sort();
}

/**
 * Keeps, in place, the first `count` candidates that `list` or `alsoIn` holds (all ascend), or whose
 * quote's text holds `word` when `quotes` are given; returns how many.
 */
function keepListed(
  candidates: Uint32Array,
  count: number,
  list: Uint32Array,
  alsoIn: Uint32Array,
  quotes: StringList | undefined,
  word: string,
): number {
  let kept = 0;
  let cursor = lowerBoundOf(list, candidates[0]!);
  let also = 0;
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    while (cursor < list.length && list[cursor]! < position) cursor++;
    while (also < alsoIn.length && alsoIn[also]! < position) also++;
    if (list[cursor] === position || alsoIn[also] === position || (quotes !== undefined && quotes.get(position)!.includes(word))) {
      candidates[kept++] = position;
    }
  }
  return kept;
}

/** The same with the word's own list as a bit per agreement. */
function keepMarked(
  candidates: Uint32Array,
  count: number,
  bits: Uint32Array,
  alsoIn: Uint32Array,
  quotes: StringList | undefined,
  word: string,
): number {
  let kept = 0;
  let also = 0;
  for (let i = 0; i < count; i++) {
    const position = candidates[i]!;
    while (also < alsoIn.length && alsoIn[also]! < position) also++;
    if (
      (bits[position >>> 5]! >>> (position & 31)) & 1 ||
      alsoIn[also] === position ||
      (quotes !== undefined && quotes.get(position)!.includes(word))
    ) {
      candidates[kept++] = position;
    }
  }
  return kept;
}
