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

/** One mark per meeting, reused by every /who-met; cleared as it is read. */
let meetingMarks = new Uint8Array(0);

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
 * new array. Many names (a family name shared by hundreds) are merged through one mark per meeting.
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
  if (meetingMarks.length < to - from) meetingMarks = new Uint8Array(Math.max(to - from, meetingMarks.length * 2));
  const marked = meetingMarks;
  let count = 0;
  for (const name of names) {
    const list = positionsOf(meetingsByParticipant, name) ?? NO_POSITIONS;
    for (let i = lowerBound(list, from, (value) => value); i < list.length && list[i]! < to; i++) {
      if (marked[list[i]! - from] === 0) {
        marked[list[i]! - from] = 1;
        count++;
      }
    }
  }
  const meetings: AnswerItem[] = new Array(count);
  let next = 0;
  for (let i = 0; i < to - from && next < count; i++) {
    if (marked[i]) {
      marked[i] = 0;
      meetings[next++] = library.meetings[from + i]!;
    }
  }
  return meetings;
}
