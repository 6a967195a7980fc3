// One meeting told twice (two articles, or a follow-up sentence further down) is one meeting with two
// citations: same people (however their names are spelled), same status, and dates that agree (the same
// day, or a month that holds the other's day).
import type { Citation, MeetingItem, Person } from './items.ts';
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

/**
 * `into` with `other`'s citations, roles and place added. `quoted` holds the `articleId\0quote` of
 * `into`'s citations, so a meeting reported thousands of times (a long-running summit in a decade of
 * news) costs a set lookup per report, not a scan of every citation so far.
 */
function merged(into: MeetingItem, other: MeetingItem, quoted: Set<string>, intoIsOurs: boolean): MeetingItem {
  // A report made by an earlier merge is ours, replaced by this one: its list grows in place (copying it
  // for every report would be quadratic again). A report as extracted is never changed.
  const citations = intoIsOurs ? (into.citations as Citation[]) : [...into.citations];
  for (const citation of other.citations) {
    const key = `${citation.articleId}\0${citation.quote}`;
    if (quoted.has(key)) continue;
    quoted.add(key);
    citations.push(citation);
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

/**
 * The reports kept so far for one cast, found by date. Two of them never agree (a report that agrees
 * with one is folded into it), so each date names one report; a report's date only ever gets longer
 * (`2025-06` → `2025-06-24`, see `merged`). Finding the first report that agrees with a date then
 * costs a look-up per prefix of that date instead of a pass over every report of the cast, which at a
 * decade of news (the same two leaders, hundreds of meetings) made building the library quadratic.
 */
class CastReports {
  /** The position of the report with exactly this date. */
  private readonly byDate = new Map<string, number>();
  /** For each prefix of some report's date, the first (lowest) position of such a report. */
  private readonly firstByPrefix = new Map<string, number>();
  /** Positions merged into, with the citations they hold (see `merged`). */
  readonly quoted = new Map<number, Set<string>>();

  /** The first report whose date agrees with `date`: starts with it, or is a start of it. */
  firstAgreeing(date: string): number | undefined {
    let first = this.firstByPrefix.get(date);
    for (let length = 0; length < date.length; length++) {
      const position = this.byDate.get(date.slice(0, length));
      if (position !== undefined && (first === undefined || position < first)) first = position;
    }
    return first;
  }

  add(position: number, date: string): void {
    this.byDate.set(date, position);
    this.addPrefixes(position, date);
  }

  /** The report at `position` now has a longer date. */
  refine(position: number, before: string, after: string): void {
    if (before === after) return;
    this.byDate.delete(before);
    this.byDate.set(after, position);
    this.addPrefixes(position, after);
  }

  private addPrefixes(position: number, date: string): void {
    for (let length = 0; length <= date.length; length++) {
      const prefix = date.slice(0, length);
      const known = this.firstByPrefix.get(prefix);
      if (known === undefined || position < known) this.firstByPrefix.set(prefix, position);
    }
  }
}

/** Meetings in, the same meetings with every repeated report folded into its first one, order kept. */
export function mergeRepeatedMeetings(meetings: readonly MeetingItem[]): MeetingItem[] {
  const out: MeetingItem[] = [];
  const casts = new Map<string, CastReports>();
  for (const meeting of meetings) {
    if ((meeting.participants?.length ?? 0) < 2) {
      out.push(meeting);
      continue;
    }
    const key = castKey(meeting);
    let cast = casts.get(key);
    if (!cast) casts.set(key, (cast = new CastReports()));
    const match = cast.firstAgreeing(meeting.date);
    if (match === undefined) {
      cast.add(out.length, meeting.date);
      out.push(meeting);
      continue;
    }
    const into = out[match]!;
    let quoted = cast.quoted.get(match);
    const intoIsOurs = quoted !== undefined;
    if (!quoted) cast.quoted.set(match, (quoted = new Set(into.citations.map((citation) => `${citation.articleId}\0${citation.quote}`))));
    out[match] = merged(into, meeting, quoted, intoIsOurs);
    cast.refine(match, into.date, out[match]!.date);
  }
  return out;
}
