// Phrase tables over tokens (names, titles, places): which entry starts at a token, whole words, case-sensitive
// unless asked.
import { lowercase } from './characterClasses.ts';
import type { Token } from './tokenize.ts';
import { wordsAndMarks } from './wordsAndMarks.ts';

/**
 * Finds which entry of a phrase table starts at a token, longest first. Returns how many tokens it
 * covers (0 when none does).
 */
export type PhraseMatcher = (tokens: readonly Token[], index: number) => number;

export function phraseMatcher(
  phrases: readonly string[],
  options: { ignoreCaseAfterFirstWord?: boolean; ignoreCase?: boolean } = {},
): PhraseMatcher {
  const ignoreFirst = Boolean(options.ignoreCase);
  const ignoreRest = Boolean(options.ignoreCase || options.ignoreCaseAfterFirstWord);
  const fold = (word: string, position: number) => ((position > 0 ? ignoreRest : ignoreFirst) ? lowercase(word) : word);
  const byFirstWord = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = wordsAndMarks(phrase.normalize('NFC')).map((token, position) => fold(token.text, position));
    const first = words[0];
    if (first === undefined) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push(words);
    byFirstWord.set(first, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);

  return (tokens, index) => {
    const first = tokens[index];
    if (!first) return 0;
    const candidates = byFirstWord.get(fold(first.text, 0));
    if (!candidates) return 0;
    for (const words of candidates) {
      if (index + words.length > tokens.length) continue;
      let offset = 1;
      while (offset < words.length && fold(tokens[index + offset]!.text, offset) === words[offset]) offset += 1;
      if (offset === words.length) return words.length;
    }
    return 0;
  };
}
