// Each participant's meetings, as positions in `library.meetings`: /who-met's list for a name, and
// the years a name met anyone, without reading every meeting.
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { dateRange } from './dateRanges.ts';
import { BoundedMap } from '../../text/boundedMap.ts';
import { lowerBoundOf } from '../../text/lowerBound.ts';
import { GrowingUint32 } from '../../text/growingUint32.ts';
import { participantNamesIndex } from './participantNames.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { type PositionLists, PositionListsBuilder } from './positionLists.ts';

/** Positions in `library.meetings` of each participant's meetings (by name), ascending. */
export const meetingsByParticipantIndex = derivedOnce(meetingsByParticipantSteps);

function* meetingsByParticipantSteps(library: Library): Generator<void, PositionLists, void> {
  const meetingsByParticipant = new PositionListsBuilder();
  for (let position = 0; position < library.meetings.length; position++) {
    for (const person of library.meetings.at(position).participants ?? []) meetingsByParticipant.add(person.name, position);
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return yield* meetingsByParticipant.build();
}

/**
 * For each participant name (its position in participantNames.ts' `names`), its list's key id in
 * `meetingsByParticipantIndex`: /who-met finds a typed name's meetings by number, with no string
 * looked up (a family name typed is thousands of names).
 */
export const meetingListOfNameIndex = derivedOnce(function* (library: Library): Generator<void, Uint32Array, void> {
  const { names } = yield* participantNamesIndex.stepsOf(library);
  const { idOf } = yield* meetingsByParticipantIndex.stepsOf(library);
  const listOfName = new Uint32Array(names.length);
  for (let nameId = 0; nameId < names.length; nameId++) {
    const id = idOf.get(names[nameId]!);
    if (id === undefined) throw new Error(`a participant with no meetings: ${names[nameId]}`);
    listOfName[nameId] = id;
    if (nameId % (ITEMS_PER_STEP * 10) === 0) yield;
  }
  return listOfName;
});

/**
 * The years in which any of the names (positions in `names`) has a held meeting, ascending: for each
 * year of the library, one binary search per name in its sorted list of meetings.
 */
export function yearsWithMeetings(library: Library, nameIds: ArrayLike<number>): number[] {
  const { starts, positions } = meetingsByParticipantIndex.get(library);
  const listOfName = meetingListOfNameIndex.get(library);
  return library.years.filter((year) => {
    const [from, to] = dateRange(library.meetings, year);
    if (from === to) return false;
    for (let i = 0; i < nameIds.length; i++) {
      const list = listOfName[nameIds[i]!]!;
      const end = starts[list + 1]!;
      const at = lowerBoundOf(positions, from, starts[list]!, end);
      if (at < end && positions[at]! < to) return true;
    }
    return false;
  });
}

const NO_POSITIONS = new Uint32Array(0);

/** One bit per meeting of the range asked, for several names' meetings; reused by every /who-met. */
let meetingBits = new Uint32Array(1024);
/** The positions found; reused too. */
const found = new GrowingUint32();

/**
 * The positions within [from, to) of `library.meetings` of the meetings of any of the names (positions
 * in `names`), ascending, each once. Many names (a family name shared by thousands) are merged by a
 * bit per meeting of the range, read back in order. A view (of the lookup itself, or of scratch space
 * that the next call reuses): never to be changed.
 */
export function meetingPositionsOf(library: Library, nameIds: ArrayLike<number>, from = 0, to = library.meetings.length): Uint32Array {
  const { starts, positions } = meetingsByParticipantIndex.get(library);
  const listOfName = meetingListOfNameIndex.get(library);
  if (nameIds.length === 0) return NO_POSITIONS;
  if (nameIds.length === 1) {
    const list = listOfName[nameIds[0]!]!;
    const first = lowerBoundOf(positions, from, starts[list]!, starts[list + 1]!);
    return positions.subarray(first, lowerBoundOf(positions, to, first, starts[list + 1]!));
  }
  const words = (to - from + 31) >>> 5;
  if (meetingBits.length < words) meetingBits = new Uint32Array(Math.max(words, meetingBits.length * 2));
  const bits = meetingBits;
  bits.fill(0, 0, words);
  for (let i = 0; i < nameIds.length; i++) {
    const list = listOfName[nameIds[i]!]!;
    const end = starts[list + 1]!;
    for (let at = lowerBoundOf(positions, from, starts[list]!, end); at < end; at++) {
      const offset = positions[at]! - from;
      if (offset >= to - from) break;
      bits[offset >>> 5]! |= 1 << (offset & 31);
    }
  }
  found.length = 0;
  for (let word = 0; word < words; word++) {
    // Each bit set, lowest first: the meetings in date order.
    let set = bits[word]!;
    while (set !== 0) {
      const lowest = set & -set;
      found.push(from + (word << 5) + 31 - Math.clz32(lowest));
      set ^= lowest;
    }
  }
  return found.buffer.subarray(0, found.length);
}

/**
 * Several names' positions as `meetingPositionsOf` finds them, copied once per typed text and range and
 * kept: a family name (`Nguyễn`) is thousands of meetings, copied out of the scratch space on every
 * command and page press. One name's (or none's) are the lookup's own list already. Never to be changed.
 */
export function meetingPositionsKept(
  library: Library,
  typed: string,
  nameIds: ArrayLike<number>,
  from = 0,
  to = library.meetings.length,
): Uint32Array {
  if (nameIds.length <= 1) return meetingPositionsOf(library, nameIds, from, to);
  let kept = keptByLibrary.get(library);
  if (!kept) keptByLibrary.set(library, (kept = new BoundedMap(TYPED_RANGES_KEPT)));
  const key = `${from}:${to}:${typed}`;
  let positions = kept.get(key);
  if (!positions) kept.set(key, (positions = meetingPositionsOf(library, nameIds, from, to).slice()));
  return positions;
}

/** The positions kept per library, by range and typed text. */
const keptByLibrary = new WeakMap<Library, BoundedMap<string, Uint32Array>>();
/** Typed texts and ranges kept: the names asked lately (a family name's list is tens of KB). */
const TYPED_RANGES_KEPT = 64;
