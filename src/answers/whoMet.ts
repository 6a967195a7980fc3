// /who-met: the meetings extracted when the library was built, filtered by year, month and person.
import type { Answer, AnswerItem, ItemList } from './answer.ts';
import type { Library } from '../library/library.ts';
import { highlightedItemsAt } from './highlightName.ts';
import { dateRange, heldThenPlanned, rangePositions } from '../library/lookups/dateRanges.ts';
import { ItemsAtPositions } from './itemsAtPositions.ts';
import { meetingPositionsKept, yearsWithMeetings } from '../library/lookups/meetingsByParticipant.ts';
import { participantIdsMatching, participantsSpelledLike } from '../library/lookups/participantNames.ts';
import { prominentPeople } from '../library/lookups/popularTopics.ts';
import { foldedWords, wordsOfPeopleMatch } from '../text/matchText.ts';
import { plannedMeetingWordsIndex } from '../library/lookups/plannedMeetingWords.ts';

export interface WhoMetOptions {
  year?: number;
  month?: number;
  person?: string;
}

export function answerWhoMet(library: Library, options: WhoMetOptions): Answer {
  const { year, month, person } = options;
  // Meetings are sorted by date: the year (and month) is a contiguous range, found by binary search.
  const [from, to] = dateRange(library.meetings, year, month);
  // A month without a year: every year's meetings of that month.
  const everyYearsMonth = month !== undefined && year === undefined;
  const typedWords = person ? foldedWords(person) : NO_WORDS;
  // A view of the lookup's scratch space, read only within this call (no other call of it comes before the end).
  const nameIds = person ? participantIdsMatching(library, typedWords) : undefined;
  // Planned meetings come after the held ones, each marked `status: 'planned'`: never mixed in.
  const plannedRange = dateRange(library.plannedMeetings, year, month);
  let items: ItemList;
  if (!person && !everyYearsMonth) {
    // The whole range, held then planned: a view of the two lists, whose items are made when read.
    items = heldThenPlanned(library.meetings, [from, to], library.plannedMeetings, plannedRange);
  } else {
    const plannedWords = plannedMeetingWordsIndex.get(library);
    const planned: AnswerItem[] = [];
    for (let position = plannedRange[0]; position < plannedRange[1]; position++) {
      if (
        (!everyYearsMonth || isInMonth(library.plannedMeetings.dateAt(position), month)) &&
        wordsOfPeopleMatch(plannedWords[position]!, typedWords)
      ) {
        planned.push(library.plannedMeetings.at(position));
      }
    }
    if (person && nameIds) {
      // Lasting positions (the lookup's own, or kept for the name): the answer holds them without a copy.
      const positions = meetingPositionsKept(library, person, nameIds, from, to);
      items = everyYearsMonth
        ? highlightedItemsAt(library.meetings, positionsInMonth(library, positions, month), person, planned, true)
        : highlightedItemsAt(library.meetings, positions, person, planned, true);
    } else {
      // No person, so a month of every year (`everyYearsMonth`: the month is given): positions, not
      // items (the items of a page are made when it is shown).
      items = new ItemsAtPositions(library.meetings, positionsInMonth(library, rangePositions(from, to), month!), NO_ITEMS, planned);
    }
  }

  const answer: Answer = { command: 'who-met', options: compact(options), items };
  if (items.length === 0) {
    const elsewhere =
      nameIds && nameIds.length > 0 && (year !== undefined || month !== undefined) ? yearsWithMeetings(library, nameIds) : [];
    answer.nothingFound =
      person && elsewhere.length > 0
        ? { reason: 'met-in-other-years', person, years: elsewhere }
        : { reason: 'no-meetings', ...(person ? { person } : {}) };
    answer.suggestions = person ? participantsSpelledLike(library, person, 5) : prominentPeople(library, 5);
    if (answer.suggestions.length === 0) answer.suggestions = prominentPeople(library, 5);
    answer.yearsAvailable = elsewhere.length > 0 ? elsewhere : library.years;
  }
  return answer;
}

const NO_WORDS: readonly string[] = [];
const NO_ITEMS: readonly AnswerItem[] = [];

/**
 * A date (`YYYY-MM` or `YYYY-MM-DD`) is in the month, of any year: its two digits read as codes, with no
 * string cut from it (this runs for every meeting of a name, thousands for a family name).
 */
function isInMonth(date: string, month: number): boolean {
  return date.charCodeAt(4) === 45 && (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48) === month;
}

/**
 * The positions of meetings dated in the month of any year, in order: counted, then copied into an array
 * of their exact size (`filter` grows one and copies it again).
 */
function positionsInMonth(library: Library, positions: Uint32Array, month: number): Uint32Array {
  let count = 0;
  for (let i = 0; i < positions.length; i++) if (isInMonth(library.meetings.dateAt(positions[i]!), month)) count++;
  const inMonth = new Uint32Array(count);
  count = 0;
  for (let i = 0; i < positions.length; i++) if (isInMonth(library.meetings.dateAt(positions[i]!), month)) inMonth[count++] = positions[i]!;
  return inMonth;
}

/** The options given, in their order, without those left undefined. */
function compact(options: WhoMetOptions): Answer['options'] {
  const given: Answer['options'] = {};
  if (options.year !== undefined) given.year = options.year;
  if (options.month !== undefined) given.month = options.month;
  if (options.person !== undefined) given.person = options.person;
  return given;
}
