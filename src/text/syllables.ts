// The syllables of a text, for the phrase tables (verbs, markers, exceptions): runs of Latin letters and
// digits, lowercased, with their offsets and whether only spaces come before each. A phrase matches where
// its words are whole syllables with only spaces between them: exactly what `wordPattern` says, as long as
// the text has no unusual letter.
import { classAt, classOfCode, LATIN_BIT, lowercase, SPACE_BIT, UNUSUAL_LETTERS } from './characterClasses.ts';
import { lowerBoundOf } from './lowerBound.ts';

export interface Syllables {
  /** False when the text holds an unusual letter: then only the patterns give the right answer. */
  usual: boolean;
  starts: number[];
  ends: number[];
  /** Each syllable lowercased. */
  words: string[];
  /** Whether only spaces separate syllable i from syllable i - 1 (so a phrase may go on across them). */
  spacedBefore: boolean[];
}

const UNUSUAL_SYLLABLES: Syllables = { usual: false, starts: [], ends: [], words: [], spacedBefore: [] };

/**
 * Every maximal run of Latin letters and digits. `×` and `÷` sit among the Latin letters, so a run goes
 * on across them (`3×4` is one syllable), as the patterns' letter class does.
 */
export function syllablesOf(text: string): Syllables {
  if (UNUSUAL_LETTERS.test(text)) return UNUSUAL_SYLLABLES;
  const syllables: Syllables = { usual: true, starts: [], ends: [], words: [], spacedBefore: [] };
  let onlySpaces = false;
  for (let offset = 0; offset < text.length;) {
    if ((classOfCode(text.charCodeAt(offset)) & LATIN_BIT) === 0) {
      onlySpaces &&= (classAt(text, offset) & SPACE_BIT) !== 0;
      offset += 1;
      continue;
    }
    const start = offset;
    while (offset < text.length && (classOfCode(text.charCodeAt(offset)) & LATIN_BIT) !== 0) offset += 1;
    syllables.starts.push(start);
    syllables.ends.push(offset);
    syllables.words.push(lowercase(text.slice(start, offset)));
    syllables.spacedBefore.push(onlySpaces);
    onlySpaces = true;
  }
  return syllables;
}

/** The syllable holding the character at `offset`, or -1. */
export function syllableAt(syllables: Syllables, offset: number): number {
  const index = lowerBoundOf(syllables.ends, offset + 1);
  return index < syllables.starts.length && syllables.starts[index]! <= offset ? index : -1;
}

/**
 * Do the phrase's words from `words[from]` on sit syllable by syllable from syllable `index`, only spaces
 * between them (and before `words[from]` when it is not the first)?
 */
export function wordsFollow(syllables: Syllables, index: number, words: readonly string[], from = 0): boolean {
  if (index + words.length - from > syllables.words.length) return false;
  for (let offset = from; offset < words.length; offset += 1) {
    const at = index + offset - from;
    if (syllables.words[at] !== words[offset] || (offset > 0 && !syllables.spacedBefore[at])) return false;
  }
  return true;
}

/** Offset of the first non-space character at or after `offset`. */
export function skipSpaces(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && (classAt(text, at) & SPACE_BIT) !== 0) at += 1;
  return at;
}
