// A sentence cut once: extraction looks at each sentence many times (people, places, triggers and their
// exceptions), so its words-and-marks and its syllables are kept for the texts seen lately.
import { BoundedMap } from './boundedMap.ts';
import { type Syllables, syllablesOf } from './syllables.ts';
import type { Token } from './tokenize.ts';
import { wordsAndMarks } from './wordsAndMarks.ts';

export interface TextCut {
  tokens: readonly Token[];
  syllables: Syllables;
}

/** The sentences and names of the article being read; those of finished articles go first. */
const recentCuts = new BoundedMap<string, TextCut>(256);

export function cutOf(text: string): TextCut {
  let found = recentCuts.get(text);
  if (!found) recentCuts.set(text, (found = { tokens: wordsAndMarks(text), syllables: syllablesOf(text) }));
  return found;
}

/** The text's words and marks (see `wordsAndMarks`). Shared between callers (a sentence is cut once): do not modify. */
export function wordsAndMarksOf(text: string): readonly Token[] {
  return cutOf(text).tokens;
}
