// Typed text (a person, a topic) as folded words, for matching corpus text with or without diacritics.
import { foldDiacritics } from './foldDiacritics.ts';

/** The words of a typed string, folded: "Stoltenbérg  jens" → ["stoltenberg", "jens"]. */
export function foldedWords(text: string): string[] {
  return foldDiacritics(text.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * Does every typed word start a word of one of these people's names or titles? For the short list of
 * planned meetings and agreements, matched as they are asked for.
 */
export function peopleMatchWords(people: readonly { name: string; role?: string }[] | undefined, typedWords: readonly string[]): boolean {
  if (typedWords.length === 0) return true;
  return (people ?? []).some((person) => {
    const words = foldedWords(`${person.name} ${person.role ?? ''}`);
    const solid = foldedWords(person.name).join('');
    return typedWords.every((typed) => words.some((word) => word.startsWith(typed)) || solid.includes(typed));
  });
}
