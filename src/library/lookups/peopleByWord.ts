// The names of `library.people` as autocomplete reads them while a name is typed: each folded and
// written solid.
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';

/**
 * Each entry of `library.people` as its folded words written solid (`yoonsukyeol`), aligned with it:
 * a typed word that starts one of the name's words also stands inside this, so one string answers both.
 */
export const peopleWordsIndex = derivedOnce(solidNameSteps);

function* solidNameSteps(library: Library): Generator<void, string[], void> {
  const solidNames: string[] = new Array(library.people.length);
  for (let i = 0; i < library.people.length; i++) {
    solidNames[i] = foldedWords(library.people[i]!.name).join('');
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
  return solidNames;
}

/**
 * Entries of `library.people` the typed text matches (every typed word starts one of the name's words
 * or stands inside the name written solid), in the library's order, at most `limit`.
 */
export function peopleMatching(library: Library, typed: string, limit: number): Library['people'] {
  const typedWords = foldedWords(typed);
  const solidNames = peopleWordsIndex.get(library);
  const found: Library['people'] = [];
  for (let i = 0; i < library.people.length && found.length < limit; i++) {
    const solid = solidNames[i]!;
    if (typedWords.every((word) => solid.includes(word))) found.push(library.people[i]!);
  }
  return found;
}
