// The meetings and agreements that name given parties (people, countries, organisations): how /ask
// answers "what did Hàn Quốc and NATO agree". Each item's parties, folded and by syllable.
import type { AgreementItem, MeetingItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { foldDiacritics } from '../../text/foldDiacritics.ts';
import { derivedOnce } from '../../text/steps.ts';
import { agreementQuotesIndex, agreementQuoteText } from './agreementsByWord.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { type ItemSegments, itemSegmentSteps, partySegmentsOf, SegmentTable } from './partySegments.ts';
import { positionsOf } from './positionLists.ts';
import { type StringList, ArrayByIndex } from '../../text/listByIndex.ts';

export interface PartyLookups {
  /** Every distinct segment (a person with their title, or a place), folded and padded, by id. */
  segments: StringList;
  /** Each meeting's participants and place. */
  meetingParties: ItemSegments;
  /** Each agreement's parties. */
  agreementParties: ItemSegments;
}

export const partiesIndex = derivedOnce(partySteps);

function* partySteps(library: Library): Generator<void, PartyLookups, void> {
  const table = new SegmentTable();
  const meetingParties = yield* itemSegmentSteps(library.meetings, table);
  const agreementParties = yield* itemSegmentSteps(library.agreements, table);
  return { segments: new ArrayByIndex(table.padded), meetingParties, agreementParties };
}

/**
 * One party a question names (`Hàn Quốc`, `Tổng thống Yoon`), as folded phrases that all stand for it
 * (its translations and other names included). A person or party of an item is that party when one of
 * its titled names holds every word of a phrase (`tong thong yoon` in `Tổng thống Hàn Quốc Yoon Suk-yeol`);
 * a place or quote when it holds the phrase itself.
 */
export type PartyPhrases = readonly (readonly string[])[];

/** Positions within [from, to) of the meetings whose participants or place are every party, ascending. */
export function meetingsOfParties(library: Library, parties: readonly PartyPhrases[], from = 0, to = library.meetings.length): number[] {
  const { segments, meetingParties } = partiesIndex.get(library);
  return itemsOfParties(
    parties,
    from,
    to,
    (syllable) => listsOf(positionsOf(meetingParties.itemsBySyllable, syllable)),
    (position, party) => itemSegmentsHold(segments, meetingParties, position, party),
  );
}

/** Positions within [from, to) of the agreements whose parties or quotes name every party, ascending. */
export function agreementsOfParties(
  library: Library,
  parties: readonly PartyPhrases[],
  from = 0,
  to = library.agreements.length,
): number[] {
  const { segments, agreementParties } = partiesIndex.get(library);
  const { agreementsBySyllable, foldedAgreementQuotes } = agreementQuotesIndex.get(library);
  // An agreement names a party in its parties or in what was agreed: the union of two lists.
  const agreementsWith = (syllable: string) =>
    listsOf(positionsOf(agreementParties.itemsBySyllable, syllable), positionsOf(agreementsBySyllable, syllable));
  return itemsOfParties(
    parties,
    from,
    to,
    agreementsWith,
    (position, party) =>
      itemSegmentsHold(segments, agreementParties, position, party) || quoteHolds(foldedAgreementQuotes.get(position)!, party),
  );
}

/**
 * Whether one item names every party, checked on the item itself (for short lists such as the planned
 * meetings and agreements, which have no lookups): as `meetingsOfParties` and `agreementsOfParties` do.
 */
export function itemNamesParties(item: MeetingItem | AgreementItem, parties: readonly PartyPhrases[]): boolean {
  const segments = partySegmentsOf(
    item.kind === 'meeting' ? item.participants : item.parties,
    item.kind === 'meeting' ? item.place : undefined,
  );
  const quote = item.kind === 'agreement' ? foldDiacritics(agreementQuoteText(item)) : '';
  return parties.every((party) => segmentsHold(segments, party) || party.some((words) => holdsPhrase(quote, words.join(' '))));
}

/**
 * A party's phrases with the strings its checks compare, made once per question: joining them again
 * for every candidate item was most of what a question about parties allocated.
 */
interface CheckedParty {
  phrases: PartyPhrases;
  /** Each phrase's words joined by spaces: `han quoc`. */
  joined: readonly string[];
  /** The same padded with a space each side, as segments are: ` han quoc `. */
  padded: readonly string[];
  /** Each phrase's words, each padded: ` han `, ` quoc `. */
  paddedWords: readonly (readonly string[])[];
}

function checkedParty(phrases: PartyPhrases): CheckedParty {
  const joined = phrases.map((words) => words.join(' '));
  return {
    phrases,
    joined,
    padded: joined.map((phrase) => ` ${phrase} `),
    paddedWords: phrases.map((words) => words.map((word) => ` ${word} `)),
  };
}

/** Ascending position lists whose union is the items holding a syllable (none, one or two lists). */
type UnionOfLists = readonly Uint32Array[];

function listsOf(...lists: (Uint32Array | undefined)[]): UnionOfLists {
  return lists.filter((list) => list !== undefined);
}

function itemsOfParties(
  partiesAsked: readonly PartyPhrases[],
  from: number,
  to: number,
  positionsOf: (syllable: string) => UnionOfLists,
  holds: (position: number, party: CheckedParty) => boolean,
): number[] {
  if (partiesAsked.length === 0) return [];
  const parties = partiesAsked.map(checkedParty);
  // Per party, per phrase, the items holding the phrase's rarest syllable; the party with the fewest drives.
  const rarestOf = (words: readonly string[]): UnionOfLists => {
    let rarest: UnionOfLists = [];
    let rarestSize = 0;
    words.forEach((word, i) => {
      const lists = positionsOf(word);
      const size = unionSize(lists);
      if (i === 0 || size < rarestSize) [rarest, rarestSize] = [lists, size];
    });
    return rarest;
  };
  const lists = parties.map((party) => party.phrases.map(rarestOf));
  const sizes = lists.map((phraseLists) => phraseLists.reduce((sum, union) => sum + unionSize(union), 0));
  const driver = sizes.indexOf(Math.min(...sizes));
  // The candidates in one typed array of their exact size, sorted, then kept in place: each once, and
  // only those every party checked names. A common party has thousands of candidates.
  let count = 0;
  for (const union of lists[driver]!) {
    for (const list of union) {
      const [first, end] = inRange(list, from, to);
      count += end - first;
    }
  }
  const candidates = new Uint32Array(count);
  count = 0;
  for (const union of lists[driver]!) {
    for (const list of union) {
      const [first, end] = inRange(list, from, to);
      candidates.set(list.subarray(first, end), count);
      count += end - first;
    }
  }
  candidates.sort();
  // A one-word phrase's syllable list is exact: the driving party needs checking only for longer phrases.
  const toCheck = parties.filter((party, i) => i !== driver || party.phrases.some((words) => words.length > 1));
  const named: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const position = candidates[i]!;
    if (i > 0 && position === candidates[i - 1]) continue;
    let namesEvery = true;
    for (let p = 0; p < toCheck.length && namesEvery; p++) namesEvery = holds(position, toCheck[p]!);
    if (namesEvery) named.push(position);
  }
  return named;
}

/** The indices [first, end) of `list` (ascending) holding positions within [from, to). */
function inRange(list: Uint32Array, from: number, to: number): [first: number, end: number] {
  const first = lowerBoundOf(list, from);
  return [first, Math.max(first, lowerBoundOf(list, to))];
}

/** How many positions the ascending, duplicate-free lists hold together, counted without merging them. */
function unionSize(lists: UnionOfLists): number {
  if (lists.length === 0) return 0;
  if (lists.length === 1) return lists[0]!.length;
  const [a, b] = lists as [Uint32Array, Uint32Array];
  let size = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    size++;
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      i++;
      j++;
    }
  }
  return size + (a.length - i) + (b.length - j);
}

/** Some segment of the item at `position` holds some phrase of the party, or every word of one. */
function itemSegmentsHold(segments: StringList, items: ItemSegments, position: number, party: CheckedParty): boolean {
  const { segmentStarts, segmentIds } = items;
  const from = segmentStarts[position]!;
  const to = segmentStarts[position + 1]!;
  for (let p = 0; p < party.padded.length; p++) {
    const phrase = party.padded[p]!;
    for (let i = from; i < to; i++) if (segments.get(segmentIds[i]!)!.includes(phrase)) return true;
    const paddedWords = party.paddedWords[p]!;
    if (paddedWords.length === 1) continue;
    for (let i = from; i < to; i++) {
      if (holdsEveryWord(segments.get(segmentIds[i]!)!, paddedWords)) return true;
    }
  }
  return false;
}

/** Some segment (padded) holds some phrase of the party, or every word of one (`tong thong yoon`). */
function segmentsHold(segments: readonly string[], party: PartyPhrases): boolean {
  for (const words of party) {
    const phrase = ` ${words.join(' ')} `;
    if (segments.some((segment) => segment.includes(phrase))) return true;
    const paddedWords = words.map((word) => ` ${word} `);
    if (words.length > 1 && segments.some((segment) => holdsEveryWord(segment, paddedWords))) return true;
  }
  return false;
}

/** The segment (padded) holds every one of the padded words. */
function holdsEveryWord(segment: string, paddedWords: readonly string[]): boolean {
  for (let i = 0; i < paddedWords.length; i++) if (!segment.includes(paddedWords[i]!)) return false;
  return true;
}

/** The folded quote holds some phrase of the party as whole words (a loop: this runs per candidate). */
function quoteHolds(quote: string, party: CheckedParty): boolean {
  for (let p = 0; p < party.joined.length; p++) if (holdsPhrase(quote, party.joined[p]!)) return true;
  return false;
}

/** `phrase` stands in `text` as whole words. */
function holdsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!isLetterOrDigitAt(text, at - 1) && !isLetterOrDigitAt(text, at + phrase.length)) return true;
  }
  return false;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The code unit at `index` is a letter or digit (false outside the text). Folded quotes are mostly
 * ASCII, answered without making a one-character string; this runs for every candidate item.
 */
function isLetterOrDigitAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(text[index]!);
}
