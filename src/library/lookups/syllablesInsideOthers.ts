// The syllables of a list that stand inside a longer one ("tin" in "tinh", "su" in "suong"). A topic's
// word matches an agreement whose quote holds it, even inside a longer word; yet a word that is no part
// of a longer syllable can only be in a quote as one of its syllables, so for such a word (most of them:
// "quoc", "phong") the syllable lists alone decide, and no quote's text is read.
import { ITEMS_PER_STEP } from './pausingSteps.ts';

/** The keys of `syllables` that are a part of another (longer) key, pausing (a `yield`) as it goes. */
export function* syllablesInsideOthers(syllables: ReadonlyMap<string, unknown>): Generator<void, Set<string>, void> {
  const inside = new Set<string>();
  let read = 0;
  for (const syllable of syllables.keys()) {
    // Every shorter run of the syllable's characters that is itself a syllable.
    for (let start = 0; start < syllable.length; start++) {
      for (let end = start === 0 ? syllable.length - 1 : syllable.length; end > start; end--) {
        const part = syllable.slice(start, end);
        if (syllables.has(part)) inside.add(part);
      }
    }
    if (++read % ITEMS_PER_STEP === 0) yield;
  }
  return inside;
}
