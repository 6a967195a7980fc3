// Each participant's meetings, as positions in `library.meetings`: /who-met's list for a name, and
// the years a name met anyone, without reading every meeting.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { dateRange } from './dateRanges.ts';
import { lowerBound } from '../../text/lowerBound.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { type PositionLists, PositionListsBuilder, positionsOf } from './positionLists.ts';

/** Positions in `library.meetings` of each participant's meetings (by name), ascending. */
export const meetingsByParticipantIndex = derivedOnce(meetingsByParticipantSteps);

function* meetingsByParticipantSteps(library: Library): Generator<void, PositionLists, void> {
  const meetingsByParticipant = new PositionListsBuilder();
  for (let position = 0; position < library.meetings.length; position++) {
    for (const person of library.meetings[position]!.participants ?? []) meetingsByParticipant.add(person.name, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return yield* meetingsByParticipant.build();
}

const NO_POSITIONS = new Uint32Array(0);

/** The positions of several names' meetings, gathered to be sorted; reused by every /who-met. */
let gathered = new Uint32Array(1024);

/**
 * The years in which any of `names` has a held meeting, ascending: for each year of the library, one
 * binary search per name in its sorted list of meetings (no list of meetings is built).
 */
export function yearsWithMeetings(library: Library, names: ReadonlySet<string>): number[] {
  const meetingsByParticipant = meetingsByParticipantIndex.get(library);
  return library.years.filter((year) => {
    const [from, to] = dateRange(library.meetings, year);
    if (from === to) return false;
    for (const name of names) {
      const list = positionsOf(meetingsByParticipant, name);
      if (!list) continue;
      const at = lowerBound(list, from, (value) => value);
      if (at < list.length && list[at]! < to) return true;
    }
    return false;
  });
}

/**
 * The meetings within positions [from, to) of `library.meetings` of any of `names`, in date order, in a
 * new array. Many names (a family name shared by hundreds) are merged by sorting their positions.
 */
export function meetingsOfParticipants(library: Library, names: ReadonlySet<string>, from = 0, to = library.meetings.length): AnswerItem[] {
  const meetingsByParticipant = meetingsByParticipantIndex.get(library);
  if (names.size === 1) {
    const list = positionsOf(meetingsByParticipant, [...names][0]!) ?? NO_POSITIONS;
    const start = lowerBound(list, from, (value) => value);
    const end = lowerBound(list, to, (value) => value);
    const meetings: AnswerItem[] = new Array(end - start);
    for (let i = start; i < end; i++) meetings[i - start] = library.meetings[list[i]!]!;
    return meetings;
  }
  // The names' positions within the range, gathered, sorted and counted once each: their own number,
  // not the range's (a mark per meeting of the range made `rutte`, 22 spellings in 17k of a decade's
  // 195k meetings, scan all 195k).
  let total = 0;
  for (const name of names) {
    const list = positionsOf(meetingsByParticipant, name) ?? NO_POSITIONS;
    total += lowerBound(list, to, (value) => value) - lowerBound(list, from, (value) => value);
  }
  if (gathered.length < total) gathered = new Uint32Array(Math.max(total, gathered.length * 2));
  let filled = 0;
  for (const name of names) {
    const list = positionsOf(meetingsByParticipant, name) ?? NO_POSITIONS;
    const end = lowerBound(list, to, (value) => value);
    for (let i = lowerBound(list, from, (value) => value); i < end; i++) gathered[filled++] = list[i]!;
  }
  const sorted = gathered.subarray(0, filled).sort();
  const meetings: AnswerItem[] = [];
  for (let i = 0; i < filled; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) meetings.push(library.meetings[sorted[i]!]!);
  return meetings;
}
