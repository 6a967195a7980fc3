// One meeting told twice (two articles, or a follow-up sentence further down) is one meeting with two
// citations: same people (however their names are spelled), same status, and dates that agree (the same
// day, or a month that holds the other's day).
import type { MeetingItem, Person } from './items.ts';
import { foldDiacritics } from '../text/foldDiacritics.ts';

/** `Yoon Suk-yeol` and `Yoon Suk Yeol` are one person. */
export function personKey(name: string): string {
  return foldDiacritics(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function castKey(item: MeetingItem): string {
  return `${item.status ?? 'held'}|${[...new Set((item.participants ?? []).map((person) => personKey(person.name)))].sort().join('|')}`;
}

/** `2025-06-24` and `2025-06` agree; `2025-06-24` and `2025-06-25` do not. */
function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

function merged(into: MeetingItem, other: MeetingItem): MeetingItem {
  const citations = [...into.citations];
  for (const citation of other.citations) {
    if (!citations.some((known) => known.articleId === citation.articleId && known.quote === citation.quote)) citations.push(citation);
  }
  const moreRoles = (person: Person): Person => {
    if (person.role) return person;
    const role = other.participants?.find((candidate) => personKey(candidate.name) === personKey(person.name))?.role;
    return role ? { ...person, role } : person;
  };
  const result: MeetingItem = {
    ...into,
    date: other.date.length > into.date.length ? other.date : into.date,
    participants: into.participants?.map(moreRoles),
    citations,
  };
  if (result.place === undefined && other.place !== undefined) result.place = other.place;
  return result;
}

/** Meetings in, the same meetings with every repeated report folded into its first one, order kept. */
export function mergeRepeatedMeetings(meetings: readonly MeetingItem[]): MeetingItem[] {
  const out: MeetingItem[] = [];
  const byCast = new Map<string, number[]>();
  for (const meeting of meetings) {
    if ((meeting.participants?.length ?? 0) < 2) {
      out.push(meeting);
      continue;
    }
    const key = castKey(meeting);
    const same = byCast.get(key) ?? [];
    const match = same.find((index) => datesAgree(out[index]!.date, meeting.date));
    if (match !== undefined) {
      out[match] = merged(out[match]!, meeting);
      continue;
    }
    same.push(out.length);
    byCast.set(key, same);
    out.push(meeting);
  }
  return out;
}
