// /who-met: the meetings extracted when the library was built, filtered by year, month and person.
import type { Answer, AnswerItem, ItemList } from './answer.ts';
import type { Library } from '../library/library.ts';
import { highlightedItemsAt } from './highlightName.ts';
import { dateRange, heldThenPlanned, itemsInRange } from '../library/lookups/dateRanges.ts';
import { meetingPositionsOf, yearsWithMeetings } from '../library/lookups/meetingsByParticipant.ts';
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
  const monthText = `-${String(month).padStart(2, '0')}`;
  const inMonth = (meeting: AnswerItem) => meeting.date.slice(4, 7) === monthText;
  // Copied out of the lookup's scratch space, which its next call reuses.
  const nameIds = person ? participantIdsMatching(library, person).slice() : undefined;
  // Planned meetings come after the held ones, each marked `status: 'planned'`: never mixed in.
  const plannedRange = dateRange(library.plannedMeetings, year, month);
  let items: ItemList;
  if (!person && !everyYearsMonth) {
    // The whole range, held then planned: the same list for every member, joined once.
    items = heldThenPlanned(library.meetings, [from, to], library.plannedMeetings, plannedRange);
  } else {
    const typedWords = person ? foldedWords(person) : [];
    const plannedWords = plannedMeetingWordsIndex.get(library);
    const planned: AnswerItem[] = [];
    for (let position = plannedRange[0]; position < plannedRange[1]; position++) {
      const meeting = library.plannedMeetings[position]!;
      if ((!everyYearsMonth || inMonth(meeting)) && wordsOfPeopleMatch(plannedWords[position]!, typedWords)) planned.push(meeting);
    }
    if (person && nameIds) {
      const positions = meetingPositionsOf(library, nameIds, from, to);
      items = highlightedItemsAt(
        library.meetings,
        everyYearsMonth ? positionsInMonth(library, positions, monthText) : positions,
        person,
        planned,
      );
    } else {
      const inRange = itemsInRange(library.meetings, from, to);
      items = everyYearsMonth ? inRange.filter(inMonth) : inRange;
      if (planned.length > 0) items = [...items, ...planned];
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

/** The positions of meetings dated in the month (`-MM`) of any year, in order, in a new array. */
function positionsInMonth(library: Library, positions: Uint32Array, monthText: string): Uint32Array {
  return positions.filter((position) => library.meetings[position]!.date.slice(4, 7) === monthText);
}

function compact(options: object): Answer['options'] {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
