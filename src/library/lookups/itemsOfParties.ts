// The meetings and agreements that name given parties (people, countries, organisations): how /ask
// answers "what did Hàn Quốc and NATO agree". Each item's parties, folded and by syllable.
import type { AgreementItem, MeetingItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { foldDiacritics } from '../../text/foldDiacritics.ts';
import { derivedOnce } from '../../text/steps.ts';
import { agreementQuotesIndex, agreementQuoteText } from './agreementsByWord.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { type ItemSegments, itemSegmentSteps, partySegmentsOf, SegmentTable } from './partySegments.ts';
import { positionsOf } from './positionLists.ts';

export interface PartyLookups {
  /** Every distinct segment (a person with their title, or a place), folded and padded, by id. */
  segments: readonly string[];
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
  return { segments: table.padded, meetingParties, agreementParties };
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
    (syllable) => positionsOf(meetingParties.itemsBySyllable, syllable),
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
  const agreementsWith = (syllable: string) =>
    mergeAscending(positionsOf(agreementParties.itemsBySyllable, syllable), positionsOf(agreementsBySyllable, syllable));
  return itemsOfParties(
    parties,
    from,
    to,
    agreementsWith,
    (position, party) =>
      itemSegmentsHold(segments, agreementParties, position, party) ||
      party.some((words) => holdsPhrase(foldedAgreementQuotes[position]!, words.join(' '))),
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

function itemsOfParties(
  parties: readonly PartyPhrases[],
  from: number,
  to: number,
  positionsOf: (syllable: string) => ArrayLike<number> | undefined,
  holds: (position: number, party: PartyPhrases) => boolean,
): number[] {
  if (parties.length === 0) return [];
  // Per party, per phrase, the items holding the phrase's rarest syllable; the party with the fewest drives.
  const listsOf = (party: PartyPhrases) =>
    party.map((words) =>
      words.map((word) => positionsOf(word) ?? NO_POSITIONS).reduce((rarest, list) => (list.length < rarest.length ? list : rarest)),
    );
  const lists = parties.map(listsOf);
  const sizes = lists.map((phraseLists) => phraseLists.reduce((sum, list) => sum + list.length, 0));
  const driver = sizes.indexOf(Math.min(...sizes));
  const candidates = new Set<number>();
  for (const list of lists[driver]!) {
    for (let i = lowerBound(list, from, (value) => value); i < list.length && list[i]! < to; i++) candidates.add(list[i]!);
  }
  // A one-word phrase's syllable list is exact: the driving party needs checking only for longer phrases.
  const toCheck = parties.filter((party, i) => i !== driver || party.some((words) => words.length > 1));
  return [...candidates].filter((position) => toCheck.every((party) => holds(position, party))).sort((a, b) => a - b);
}

const NO_POSITIONS = new Uint32Array(0);

function mergeAscending(a: Uint32Array | undefined, b: Uint32Array | undefined): ArrayLike<number> | undefined {
  if (!a || !b) return a ?? b;
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** Some segment of the item at `position` holds some phrase of the party, or every word of one. */
function itemSegmentsHold(segments: readonly string[], items: ItemSegments, position: number, party: PartyPhrases): boolean {
  const { segmentStarts, segmentIds } = items;
  const from = segmentStarts[position]!;
  const to = segmentStarts[position + 1]!;
  for (const words of party) {
    const phrase = ` ${words.join(' ')} `;
    for (let i = from; i < to; i++) if (segments[segmentIds[i]!]!.includes(phrase)) return true;
    if (words.length === 1) continue;
    for (let i = from; i < to; i++) if (holdsEveryWord(segments[segmentIds[i]!]!, words)) return true;
  }
  return false;
}

/** Some segment (padded) holds some phrase of the party, or every word of one (`tong thong yoon`). */
function segmentsHold(segments: readonly string[], party: PartyPhrases): boolean {
  for (const words of party) {
    const phrase = ` ${words.join(' ')} `;
    if (segments.some((segment) => segment.includes(phrase))) return true;
    if (words.length > 1 && segments.some((segment) => holdsEveryWord(segment, words))) return true;
  }
  return false;
}

function holdsEveryWord(segment: string, words: readonly string[]): boolean {
  return words.every((word) => segment.includes(` ${word} `));
}

/** `phrase` stands in `text` as whole words. */
function holdsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 ? ' ' : text[at - 1]!;
    const after = at + phrase.length >= text.length ? ' ' : text[at + phrase.length]!;
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
