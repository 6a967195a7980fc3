// Typed text (a person, a topic) as folded words, for matching corpus text with or without diacritics.
import { foldDiacritics } from '../search/foldDiacritics.ts';

/** The words of a typed string, folded: "Stoltenbérg  jens" → ["stoltenberg", "jens"]. */
export function foldedWords(text: string): string[] {
  return foldDiacritics(text.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
