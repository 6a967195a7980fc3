// /who-met: the meetings extracted when the library was built, filtered by year, month and person.
import type { Answer, AnswerItem } from './answer.ts';
import type { Library } from '../library/library.ts';
import { highlightFirstResults } from './highlightName.ts';
import { dateRange, heldThenPlanned, itemsInRange } from '../library/lookups/dateRanges.ts';
import { meetingsOfParticipants, yearsWithMeetings } from '../library/lookups/meetingsByParticipant.ts';
import { participantsMatching, participantsSpelledLike } from '../library/lookups/participantNames.ts';
import { prominentPeople } from '../library/lookups/popularTopics.ts';
import { foldedWords, peopleMatchWords } from '../text/matchText.ts';

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
  const names = person ? participantsMatching(library, person) : undefined;
  // Planned meetings come after the held ones, each marked `status: 'planned'`: never mixed in.
  const plannedRange = dateRange(library.plannedMeetings, year, month);
  let items: readonly AnswerItem[];
  if (!person && !everyYearsMonth) {
    // The whole range, held then planned: the same list for every member, joined once.
    items = heldThenPlanned(library.meetings, [from, to], library.plannedMeetings, plannedRange);
  } else {
    if (person && names) {
      // A list of our own: bold can be added in place.
      const meetings = meetingsOfParticipants(library, names, from, to);
      items = highlightFirstResults(everyYearsMonth ? meetings.filter(inMonth) : meetings, person);
    } else {
      const inRange = itemsInRange(library.meetings, from, to);
      items = everyYearsMonth ? inRange.filter(inMonth) : inRange;
    }
    const typedWords = person ? foldedWords(person) : [];
    const planned = library.plannedMeetings
      .slice(...plannedRange)
      .filter((meeting) => (!everyYearsMonth || inMonth(meeting)) && peopleMatchWords(meeting.participants, typedWords));
    if (planned.length > 0) items = [...items, ...planned];
  }

  const answer: Answer = { command: 'who-met', options: compact(options), items };
  if (items.length === 0) {
    const elsewhere = names && names.size > 0 && (year !== undefined || month !== undefined) ? yearsWithMeetings(library, names) : [];
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

function compact(options: object): Answer['options'] {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
