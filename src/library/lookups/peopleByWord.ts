// The folded words of each of `library.people`: autocomplete's person suggestions as a name is typed.
import type { Library } from '../library.ts';
import { foldedWords } from '../../text/matchText.ts';
import { derivedOnce } from '../../text/steps.ts';
import { ITEMS_PER_STEP } from './pausingSteps.ts';

/** Folded words of each entry of `library.people`, aligned with it. */
export const peopleWordsIndex = derivedOnce(peopleWordSteps);

function* peopleWordSteps(library: Library): Generator<void, string[][], void> {
  const peopleWords: string[][] = [];
  for (const person of library.people) {
    peopleWords.push(foldedWords(person.name));
    if (peopleWords.length % ITEMS_PER_STEP === 0) yield;
  }
  return peopleWords;
}

/**
 * Entries of `library.people` the typed text matches (every typed word starts one of the name's words
 * or stands inside the name written solid), in the library's order, at most `limit`.
 */
export function peopleMatching(library: Library, typed: string, limit: number): Library['people'] {
  const typedWords = foldedWords(typed);
  const peopleWords = peopleWordsIndex.get(library);
  const found: Library['people'] = [];
  for (let i = 0; i < library.people.length && found.length < limit; i++) {
    if (wordsMatch(peopleWords[i]!, typedWords)) found.push(library.people[i]!);
  }
  return found;
}

function wordsMatch(nameWords: readonly string[], typedWords: readonly string[]): boolean {
  if (typedWords.length === 0) return true;
  const joined = nameWords.join('');
  return typedWords.every((word) => nameWords.some((part) => part.startsWith(word)) || joined.includes(word));
}
