// Typed text (a person, a topic) as folded words, for matching corpus text with or without diacritics.
import { foldDiacritics } from './foldDiacritics.ts';

/** The words of a typed string, folded: "Stoltenbérg  jens" → ["stoltenberg", "jens"]. */
export function foldedWords(text: string): string[] {
  return foldDiacritics(text.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** A person's words, folded: those of the name and title, and the name written solid. */
export interface PersonWords {
  words: string[];
  solid: string;
}

export function personWords(person: { name: string; role?: string }): PersonWords {
  return { words: foldedWords(`${person.name} ${person.role ?? ''}`), solid: foldedWords(person.name).join('') };
}

/**
 * Does every typed word start a word of one of these people's names or titles (or stand in a name
 * written solid)? For the short list of planned meetings, whose people's words are folded once.
 */
export function wordsOfPeopleMatch(people: readonly PersonWords[], typedWords: readonly string[]): boolean {
  if (typedWords.length === 0) return true;
  // Plain loops: /who-met asks this for every planned meeting, and the closures of `some`/`every` were
  // made anew for each person and typed word.
  for (let p = 0; p < people.length; p++) {
    const { words, solid } = people[p]!;
    let everyTyped = true;
    for (let t = 0; t < typedWords.length && everyTyped; t++) {
      const typed = typedWords[t]!;
      everyTyped = solid.includes(typed);
      for (let w = 0; w < words.length && !everyTyped; w++) everyTyped = words[w]!.startsWith(typed);
    }
    if (everyTyped) return true;
  }
  return false;
}
