// Phrase tables over syllables (verbs, markers, exceptions): whole syllables, any case. Each table is compiled
// once into its phrases' lowercased words, keyed by first and last word.
import { classAt, SPACE_BIT, lowercase, UNUSUAL_LETTERS } from './characterClasses.ts';
import { type Syllables, skipSpaces, syllableAt, wordsFollow } from './syllables.ts';
import { cutOf } from './textCut.ts';
import { endsWithWordPattern, LATIN_LETTER, startsWithWordPattern, wordPattern } from './wordPatterns.ts';

const ONLY_SYLLABLE = new RegExp(`^[${LATIN_LETTER}]+$`);

/** A table's phrases as lowercased words, by first and by last word. */
export interface WordList {
  phrases: string[][];
  byFirstWord: Map<string, string[][]>;
  byLastWord: Map<string, string[][]>;
}

export function phraseWords(phrase: string): string[] {
  const words = phrase
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((word) => word.toLowerCase());
  for (const word of words) {
    if (!ONLY_SYLLABLE.test(word) || UNUSUAL_LETTERS.test(word)) {
      throw new Error(`"${phrase}": a phrase table word must be made of Latin letters and digits only`);
    }
  }
  return words;
}

export function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const wordLists = new WeakMap<readonly string[], WordList>();

export function wordListOf(phrases: readonly string[]): WordList {
  let list = wordLists.get(phrases);
  if (!list) {
    list = { phrases: [], byFirstWord: new Map(), byLastWord: new Map() };
    for (const phrase of phrases) {
      const words = phraseWords(phrase);
      list.phrases.push(words);
      addTo(list.byFirstWord, words[0]!, words);
      addTo(list.byLastWord, words[words.length - 1]!, words);
    }
    wordLists.set(phrases, list);
  }
  return list;
}

export function wordStartsAtIn(syllables: Syllables, text: string, position: number, list: WordList): boolean {
  const start = skipSpaces(text, position);
  const index = syllableAt(syllables, start);
  if (index < 0) return false;
  // Right at `position` a syllable may be cut in two: what the text says from there on is the first word.
  const first = start === syllables.starts[index] ? syllables.words[index]! : lowercase(text.slice(start, syllables.ends[index]));
  const candidates = list.byFirstWord.get(first);
  return candidates !== undefined && candidates.some((words) => wordsFollow(syllables, index + 1, words, 1));
}

export function wordEndsAtIn(syllables: Syllables, text: string, position: number, list: WordList): boolean {
  let end = position;
  while (end > 0 && (classAt(text, end - 1) & SPACE_BIT) !== 0) end -= 1;
  const index = syllableAt(syllables, end - 1);
  if (index < 0) return false;
  const last = end === syllables.ends[index] ? syllables.words[index]! : lowercase(text.slice(syllables.starts[index], end));
  const candidates = list.byLastWord.get(last);
  if (!candidates) return false;
  return candidates.some((words) => {
    const first = index - (words.length - 1);
    return first >= 0 && wordsFollow(syllables, first, words.slice(0, -1)) && (words.length === 1 || syllables.spacedBefore[index]!);
  });
}

/** Does one of the words start at `position` of `text`, after spaces, as whole syllables? */
export function wordStartsAt(text: string, position: number, words: readonly string[]): boolean {
  const { syllables } = cutOf(text);
  if (!syllables.usual) return startsWithWordPattern(text.slice(position), words);
  return wordStartsAtIn(syllables, text, position, wordListOf(words));
}

/** Does one of the words end at `position` of `text`, before spaces, as whole syllables? */
export function wordEndsAt(text: string, position: number, words: readonly string[]): boolean {
  const { syllables } = cutOf(text);
  if (!syllables.usual) return endsWithWordPattern(text.slice(0, position), words);
  return wordEndsAtIn(syllables, text, position, wordListOf(words));
}

export interface WordMatch {
  /** The table entry found. */
  phrase: string;
  /** Offsets into the searched text. */
  start: number;
  end: number;
}

export function phraseMatchesIn(syllables: Syllables, words: readonly string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let index = 0; index + words.length <= syllables.words.length; index += 1) {
    if (!wordsFollow(syllables, index, words)) continue;
    found.push({ start: syllables.starts[index]!, end: syllables.ends[index + words.length - 1]! });
    // Like a global pattern, the next match of this phrase starts after this one.
    index += words.length - 1;
  }
  return found;
}

/** Every whole-syllable, case-insensitive occurrence of each phrase, phrase by phrase, in reading order. */
export function findWords(text: string, phrases: readonly string[]): WordMatch[] {
  const { syllables } = cutOf(text);
  if (!syllables.usual) {
    return phrases.flatMap((phrase) =>
      [...text.matchAll(wordPattern(phrase))].map((match) => ({ phrase, start: match.index, end: match.index + match[0].length })),
    );
  }
  const list = wordListOf(phrases);
  return list.phrases.flatMap((words, index) => phraseMatchesIn(syllables, words).map((span) => ({ phrase: phrases[index]!, ...span })));
}
