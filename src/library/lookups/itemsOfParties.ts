// The meetings and agreements that name given parties (people, countries, organisations): how /ask
// answers "what did Hàn Quốc and NATO agree". Each item's parties, folded and by syllable.
import type { AgreementItem, MeetingItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { foldDiacritics } from '../../text/foldDiacritics.ts';
import { derivedOnce } from '../../text/steps.ts';
import { agreementQuotesIndex } from './agreementsByWord.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';

interface PartyLookups {
  /** Each meeting's participants (name and title) and place, folded, one `|`-separated segment each. */
  foldedMeetingParties: string[];
  /** Positions in `library.meetings` whose participants or place hold each folded syllable, ascending. */
  meetingsByPartySyllable: Map<string, number[]>;
  /** Each agreement's parties (name and title), folded, one `|`-separated segment each. */
  foldedAgreementParties: string[];
  /** Positions in `library.agreements` whose parties hold each folded syllable, ascending. */
  agreementsByPartySyllable: Map<string, number[]>;
}

export const partiesIndex = derivedOnce(partySteps);

function* partySteps(library: Library): Generator<void, PartyLookups, void> {
  const foldedMeetingParties: string[] = [];
  const meetingsByPartySyllable = new Map<string, number[]>();
  for (let position = 0; position < library.meetings.length; position++) {
    const meeting = library.meetings[position]!;
    const folded = partySegments(meeting.participants, meeting.place);
    foldedMeetingParties.push(folded);
    addSyllables(meetingsByPartySyllable, folded, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  const foldedAgreementParties: string[] = [];
  const agreementsByPartySyllable = new Map<string, number[]>();
  for (let position = 0; position < library.agreements.length; position++) {
    const folded = partySegments(library.agreements[position]!.parties, undefined);
    foldedAgreementParties.push(folded);
    addSyllables(agreementsByPartySyllable, folded, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return { foldedMeetingParties, meetingsByPartySyllable, foldedAgreementParties, agreementsByPartySyllable };
}

/** ` yoon suk yeol tong thong han quoc | jens stoltenberg tong thu ky nato | hoi nghi thuong dinh nato ` */
function partySegments(people: readonly { name: string; role?: string }[] | undefined, place: string | undefined): string {
  const segments = (people ?? []).map((person) => foldedWords(person.role ? `${person.name} ${person.role}` : person.name).join(' '));
  if (place) segments.push(foldedWords(place).join(' '));
  return segments.length > 0 ? ` ${segments.join(' | ')} ` : '';
}

function addSyllables(index: Map<string, number[]>, folded: string, position: number): void {
  for (const syllable of new Set(folded.split(/[ |]/))) {
    if (!syllable) continue;
    const positions = index.get(syllable);
    if (!positions) index.set(syllable, [position]);
    else if (positions[positions.length - 1] !== position) positions.push(position);
  }
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
  const { meetingsByPartySyllable, foldedMeetingParties } = partiesIndex.get(library);
  return itemsOfParties(
    parties,
    from,
    to,
    (syllable) => meetingsByPartySyllable.get(syllable),
    (position, party) => segmentsHold(foldedMeetingParties[position]!, party),
  );
}

/** Positions within [from, to) of the agreements whose parties or quotes name every party, ascending. */
export function agreementsOfParties(
  library: Library,
  parties: readonly PartyPhrases[],
  from = 0,
  to = library.agreements.length,
): number[] {
  const { agreementsByPartySyllable, foldedAgreementParties } = partiesIndex.get(library);
  const { agreementsBySyllable, foldedAgreementQuotes } = agreementQuotesIndex.get(library);
  const positionsOf = (syllable: string) => mergeAscending(agreementsByPartySyllable.get(syllable), agreementsBySyllable.get(syllable));
  return itemsOfParties(
    parties,
    from,
    to,
    positionsOf,
    (position, party) =>
      segmentsHold(foldedAgreementParties[position]!, party) ||
      party.some((words) => holdsPhrase(foldedAgreementQuotes[position]!, words.join(' '))),
  );
}

/**
 * Whether one item names every party, checked on the item itself (for short lists such as the planned
 * meetings and agreements, which have no lookups): as `meetingsOfParties` and `agreementsOfParties` do.
 */
export function itemNamesParties(item: MeetingItem | AgreementItem, parties: readonly PartyPhrases[]): boolean {
  const segments = partySegments(
    item.kind === 'meeting' ? item.participants : item.parties,
    item.kind === 'meeting' ? item.place : undefined,
  );
  const quote = item.kind === 'agreement' ? foldDiacritics(item.citations.map((citation) => citation.quote).join('\n')) : '';
  return parties.every((party) => segmentsHold(segments, party) || party.some((words) => holdsPhrase(quote, words.join(' '))));
}

function itemsOfParties(
  parties: readonly PartyPhrases[],
  from: number,
  to: number,
  positionsOf: (syllable: string) => readonly number[] | undefined,
  holds: (position: number, party: PartyPhrases) => boolean,
): number[] {
  if (parties.length === 0) return [];
  // Per party, per phrase, the items holding the phrase's rarest syllable; the party with the fewest drives.
  const listsOf = (party: PartyPhrases) =>
    party.map((words) =>
      words.map((word) => positionsOf(word) ?? []).reduce((rarest, list) => (list.length < rarest.length ? list : rarest)),
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

function mergeAscending(a: readonly number[] | undefined, b: readonly number[] | undefined): readonly number[] | undefined {
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

/** Some `|`-separated segment holds some phrase of the party, or every word of it (`tong thong yoon`). */
function segmentsHold(segments: string, party: PartyPhrases): boolean {
  if (!segments) return false;
  for (const words of party) {
    if (segments.includes(` ${words.join(' ')} `)) return true;
    if (words.length === 1) continue;
    // Every word within one segment, found without splitting the string.
    for (let start = 0; start < segments.length;) {
      const bar = segments.indexOf('|', start);
      const end = bar < 0 ? segments.length : bar;
      if (
        words.every((word) => {
          const at = segments.indexOf(` ${word} `, start);
          return at >= 0 && at < end;
        })
      )
        return true;
      start = end + 1;
    }
  }
  return false;
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
