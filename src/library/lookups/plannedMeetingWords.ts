// The folded words of each planned meeting's participants (names and titles), for /who-met with a
// person: planned meetings are matched by the words typed, and folding every participant of every
// planned meeting on each command cost about a millisecond at 1M paragraphs.
import type { Library } from '../library.ts';
import { derivedOnce } from '../../text/steps.ts';
import { type PersonWords, personWords } from '../../text/matchText.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';

/** Per planned meeting (aligned with `library.plannedMeetings`), its participants' words. */
export const plannedMeetingWordsIndex = derivedOnce(function* (library: Library): Generator<void, PersonWords[][], void> {
  const words: PersonWords[][] = [];
  for (let position = 0; position < library.plannedMeetings.length; position++) {
    words.push((library.plannedMeetings.at(position).participants ?? []).map(personWords));
    if (position % ITEMS_PER_STEP === 0) yield;
  }
  return words;
});
