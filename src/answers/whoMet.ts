// /who-met: the meetings extracted when the library was built, filtered by year, month and person.
import type { Answer } from './answer.ts';
import type { Library } from './library.ts';
import { nameMatches } from './matchText.ts';
import { describeFilters, yearsHint } from './nothingFound.ts';
import { highlightName } from './highlightName.ts';

export interface WhoMetOptions {
  year?: number;
  month?: number;
  person?: string;
}

export function answerWhoMet(library: Library, options: WhoMetOptions): Answer {
  const { year, month, person } = options;
  const items = library.meetings
    .filter((meeting) => year === undefined || meeting.date.startsWith(`${year}-`))
    .filter((meeting) => month === undefined || meeting.date.slice(5, 7) === String(month).padStart(2, '0'))
    .filter((meeting) => !person || (meeting.participants ?? []).some((participant) => nameMatches(participant.name, person)))
    .map((meeting) => (person ? highlightName(meeting, person) : meeting));

  const answer: Answer = { command: 'who-met', options: compact(options), items };
  if (items.length === 0) {
    const people = person ? library.people.filter((entry) => nameMatches(entry.name, person.slice(0, 3))) : [];
    answer.message = `No meeting found${describeFilters({ ...options })}.${yearsHint(library)}${
      person ? ' Try a part of the name, with or without diacritics (e.g. a family name).' : ''
    }`;
    answer.suggestions = (people.length > 0 ? people : library.people).slice(0, 5).map((entry) => entry.name);
    answer.yearsAvailable = library.years;
  }
  return answer;
}

function compact(options: object): Answer['options'] {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
