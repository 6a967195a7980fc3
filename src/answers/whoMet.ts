// /who-met: the meetings extracted when the library was built, filtered by year, month and person.
import type { Answer } from './answer.ts';
import type { Library } from './library.ts';
import { describeFilters, yearsHint } from './nothingFound.ts';
import { highlightFirstResults } from './highlightName.ts';
import { participantsMatching, participantsSpelledLike } from './libraryLookups.ts';
import { prominentPeople } from './popularTopics.ts';

export interface WhoMetOptions {
  year?: number;
  month?: number;
  person?: string;
}

export function answerWhoMet(library: Library, options: WhoMetOptions): Answer {
  const { year, month, person } = options;
  const yearPrefix = year === undefined ? undefined : `${year}-`;
  const monthText = month === undefined ? undefined : String(month).padStart(2, '0');
  const names = person ? participantsMatching(library, person) : undefined;
  const matching = library.meetings.filter(
      (meeting) =>
        (yearPrefix === undefined || meeting.date.startsWith(yearPrefix)) &&
        (monthText === undefined || meeting.date.slice(5, 7) === monthText) &&
      (names === undefined || (meeting.participants ?? []).some((participant) => names.has(participant.name))),
  );
  const items = person ? highlightFirstResults(matching, person) : matching;

  const answer: Answer = { command: 'who-met', options: compact(options), items };
  if (items.length === 0) {
    answer.message = `No meeting found${describeFilters({ ...options })}.${yearsHint(library)}${
      person ? ' Try a part of the name, with or without diacritics (e.g. a family name).' : ''
    }`;
    answer.suggestions = person ? participantsSpelledLike(library, person, 5) : prominentPeople(library, 5);
    if (answer.suggestions.length === 0) answer.suggestions = prominentPeople(library, 5);
    answer.yearsAvailable = library.years;
  }
  return answer;
}

function compact(options: object): Answer['options'] {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
