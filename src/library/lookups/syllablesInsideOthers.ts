// The longer syllables that each syllable of a list stands inside ("tinh" for "tin", "suong" for "su").
// A topic's word matches an agreement whose quote holds it, even inside a longer word: that is, an
// agreement in the word's own list or in the list of a longer syllable holding it. Most words ("quoc",
// "phong") are inside none, and their own list decides; the others' longer syllables are few and rare.
import { ITEMS_PER_STEP } from './pausingSteps.ts';
import { type PositionLists, PositionListsBuilder } from './positionLists.ts';

/**
 * For each key of `syllables` (by its id there), the ids of the other keys that hold it, ascending,
 * pausing (a `yield`) as it goes. `syllables` gives ids 0, 1, 2… in the order of its keys.
 */
export function* longerSyllables(syllables: ReadonlyMap<string, number>): Generator<void, PositionLists, void> {
  const longer = new PositionListsBuilder();
  // The same ids as `syllables`, so that the lists are read by a syllable's id there.
  for (const [syllable, id] of syllables) {
    if (longer.idFor(syllable) !== id) throw new Error('syllable ids out of the order of their keys');
  }
  let read = 0;
  for (const [syllable, id] of syllables) {
    // Every shorter run of the syllable's characters that is itself a syllable.
    for (let start = 0; start < syllable.length; start++) {
      for (let end = start === 0 ? syllable.length - 1 : syllable.length; end > start; end--) {
        const part = syllables.get(syllable.slice(start, end));
        if (part !== undefined) longer.addById(part, id);
      }
    }
    if (++read % ITEMS_PER_STEP === 0) yield;
  }
  return yield* longer.build();
}
