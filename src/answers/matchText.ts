// Matching typed text (a person, a topic) against corpus text, with or without diacritics.
import { foldDiacritics } from '../search/foldDiacritics.ts';

/** The words of a typed string, folded: "Stoltenbérg  jens" → ["stoltenberg", "jens"]. */
export function foldedWords(text: string): string[] {
  return foldDiacritics(text.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/**
 * True when every typed word starts one of the name's words ("rutte", "mark r", "stolt" all match
 * "Mark Rutte" / "Jens Stoltenberg"); hyphenated parts count as words ("yeol" matches "Suk-yeol").
 */
export function nameMatches(name: string, typed: string): boolean {
  const typedWords = foldedWords(typed);
  if (typedWords.length === 0) return true;
  const nameWords = foldedWords(name);
  const joined = nameWords.join('');
  return typedWords.every((word) => nameWords.some((part) => part.startsWith(word)) || joined.includes(word));
}
