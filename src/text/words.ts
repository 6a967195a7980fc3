// The small text tools every extractor shares: cutting a sentence into words with their offsets,
// matching reviewed phrase tables word by word, and finding trigger phrases with their exceptions.
// Extraction looks at each sentence many times (people, places, triggers and their exceptions), so a
// sentence is cut once, and each table is compiled once into maps keyed by its words.
import type { TriggerPhrase } from './triggerPhrase.ts';
import { endsWithWordPattern, findTriggersByPattern, LATIN_LETTER, startsWithWordPattern, wordPattern } from './wordPatterns.ts';

// ---------------------------------------------------------------------------------------------
// Characters. What the cutting and the case tests need to know about a character is read from the
// Unicode property patterns once per character met; afterwards it is a table lookup, not a regex per step.

const SPACE_BIT = 1; // \s
const LETTER_BIT = 2; // \p{L}, \p{M} or \p{N}
const UPPERCASE_BIT = 4; // \p{Lu}
const LOWERCASE_BIT = 8; // \p{Ll}
const CHANGES_WHEN_LOWERCASED_BIT = 16;
const LATIN_BIT = 32; // LATIN_LETTER: what a syllable is made of
const KNOWN_BIT = 64;

const IS_SPACE = /^\s$/u;
const IS_LETTER = /^[\p{L}\p{M}\p{N}]$/u;
const IS_UPPERCASE = /^\p{Lu}$/u;
const IS_LOWERCASE = /^\p{Ll}$/u;
const IS_LATIN = new RegExp(`^[${LATIN_LETTER}]$`);

function classify(character: string): number {
  return (
    KNOWN_BIT |
    (IS_SPACE.test(character) ? SPACE_BIT : 0) |
    (IS_LETTER.test(character) ? LETTER_BIT : 0) |
    (IS_UPPERCASE.test(character) ? UPPERCASE_BIT : 0) |
    (IS_LOWERCASE.test(character) ? LOWERCASE_BIT : 0) |
    (character.toLowerCase() !== character ? CHANGES_WHEN_LOWERCASED_BIT : 0) |
    (IS_LATIN.test(character) ? LATIN_BIT : 0)
  );
}

const classOfCodeUnit = new Uint8Array(0x10000);
const classOfAstral = new Map<number, number>();

function classOfCode(code: number): number {
  let bits = classOfCodeUnit[code]!;
  if (bits === 0) {
    bits = classify(String.fromCharCode(code));
    classOfCodeUnit[code] = bits;
  }
  return bits;
}

function isSurrogatePair(text: string, offset: number): boolean {
  const high = text.charCodeAt(offset);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(offset + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** The class of the code point at `offset` (a surrogate pair is one code point, as with the `u` flag). */
function classAt(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code < 0xd800 || code > 0xdbff || !isSurrogatePair(text, offset)) return classOfCode(code);
  const codePoint = text.codePointAt(offset)!;
  let bits = classOfAstral.get(codePoint);
  if (bits === undefined) {
    bits = classify(String.fromCodePoint(codePoint));
    classOfAstral.set(codePoint, bits);
  }
  return bits;
}

function widthAt(text: string, offset: number): number {
  return isSurrogatePair(text, offset) ? 2 : 1;
}

/** Marks that may join two parts of one word: `Suk-yeol`, `Hàn-NATO`, `O'Brien`. */
function isWordJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x27 || code === 0x2019;
}

/**
 * Letters on which "equal ignoring case" (the patterns' Unicode case folding) and "equal once lowercased"
 * (the syllables) disagree, found by comparing both on every code point: dotted İ, long ſ, ƛ, ȿ, ɀ, the
 * combining iota, ẛ, the Kelvin and Ångström signs, Ȿ, Ɀ, Ƛ. A text holding one is matched with the
 * patterns of `wordPatterns.ts`; a table word holding one is refused.
 */
const UNUSUAL_LETTERS = /[\u0130\u017F\u019B\u023F\u0240\u0345\u1E9B\u212A\u212B\u2C7E\u2C7F\uA7DC]/;

/**
 * `text.toLowerCase()`, without the call when no character would change (most words): on a long
 * Vietnamese text the call costs more than all of a sentence's matching.
 */
export function lowercase(text: string): string {
  for (let offset = 0; offset < text.length; offset += 1) {
    if ((classAt(text, offset) & CHANGES_WHEN_LOWERCASED_BIT) !== 0) return text.toLowerCase();
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Cutting a text, once: into tokens (words and marks, for reading names and roles) and into syllables
// (runs of Latin letters and digits, lowercased, for the phrase tables).

export interface Token {
  readonly text: string;
  /** Offsets into the text that was tokenised. */
  readonly start: number;
  readonly end: number;
  /** Words are letters/digits (with inner hyphens or apostrophes: `Suk-yeol`); anything else is one mark. */
  readonly isWord: boolean;
}

/**
 * A phrase matches where its words are whole syllables, case-insensitively, with only spaces between
 * them: exactly what `wordPattern` says, as long as the text has no unusual letter.
 */
interface Syllables {
  /** False when the text holds an unusual letter: then only the patterns give the right answer. */
  usual: boolean;
  starts: number[];
  ends: number[];
  /** Each syllable lowercased. */
  words: string[];
  /** Whether only spaces separate syllable i from syllable i - 1 (so a phrase may go on across them). */
  spacedBefore: boolean[];
}

interface TextCut {
  tokens: readonly Token[];
  syllables: Syllables;
}

const UNUSUAL_SYLLABLES: Syllables = { usual: false, starts: [], ends: [], words: [], spacedBefore: [] };

function addSyllable(syllables: Syllables, start: number, end: number, word: string, spacedBefore: boolean): void {
  syllables.starts.push(start);
  syllables.ends.push(end);
  syllables.words.push(word);
  syllables.spacedBefore.push(spacedBefore);
}

/** The syllables of text[from, to), the first one `spacedBefore` when it starts at `from`. */
function addSyllablesIn(syllables: Syllables, text: string, from: number, to: number, spacedBefore: boolean): void {
  let onlySpaces = spacedBefore;
  for (let offset = from; offset < to; ) {
    if ((classOfCode(text.charCodeAt(offset)) & LATIN_BIT) === 0) {
      onlySpaces &&= (classAt(text, offset) & SPACE_BIT) !== 0;
      offset += 1;
      continue;
    }
    const start = offset;
    while (offset < to && (classOfCode(text.charCodeAt(offset)) & LATIN_BIT) !== 0) offset += 1;
    addSyllable(syllables, start, offset, lowercase(text.slice(start, offset)), onlySpaces);
    onlySpaces = true;
  }
}

/**
 * Letters/digits with inner hyphens or apostrophes are one word; any other character but a space is one
 * mark: the cut of `/([\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)|[^\s\p{L}\p{M}\p{N}]/gu`.
 * A word made only of Latin letters is also one syllable; other words are cut into syllables apart.
 */
function cut(text: string): TextCut {
  const tokens: Token[] = [];
  let syllables: Syllables = UNUSUAL_LETTERS.test(text) ? UNUSUAL_SYLLABLES : { usual: true, starts: [], ends: [], words: [], spacedBefore: [] };
  // `×` and `÷` sit among the Latin letters but are marks: a syllable may run across them and its tokens.
  let latinMark = false;
  let previousTokenEnd = -1;
  for (let offset = 0; offset < text.length; ) {
    const bits = classAt(text, offset);
    if ((bits & SPACE_BIT) !== 0) {
      offset += 1;
      continue;
    }
    const start = offset;
    if ((bits & LETTER_BIT) === 0) {
      offset += widthAt(text, offset);
      latinMark ||= (bits & LATIN_BIT) !== 0;
      tokens.push({ text: text.slice(start, offset), start, end: offset, isWord: false });
      previousTokenEnd = offset;
      continue;
    }
    let allLatin = LATIN_BIT;
    let changesWhenLowercased = 0;
    for (;;) {
      while (offset < text.length) {
        const letter = classAt(text, offset);
        if ((letter & LETTER_BIT) === 0) break;
        allLatin &= letter;
        changesWhenLowercased |= letter;
        offset += widthAt(text, offset);
      }
      if (offset + 1 < text.length && isWordJoiner(text.charCodeAt(offset)) && (classAt(text, offset + 1) & LETTER_BIT) !== 0) {
        allLatin = 0;
        offset += 1;
      } else break;
    }
    const word = text.slice(start, offset);
    tokens.push({ text: word, start, end: offset, isWord: true });
    if (syllables.usual) {
      // Only spaces before: the last syllable ended with the token before, and the two tokens are apart.
      const lastEnd = syllables.ends[syllables.ends.length - 1];
      const spacedBefore = lastEnd !== undefined && lastEnd === previousTokenEnd && previousTokenEnd < start;
      if (allLatin !== 0) {
        const lowercased = (changesWhenLowercased & CHANGES_WHEN_LOWERCASED_BIT) !== 0 ? word.toLowerCase() : word;
        addSyllable(syllables, start, offset, lowercased, spacedBefore);
      } else {
        addSyllablesIn(syllables, text, start, offset, spacedBefore);
      }
    }
    previousTokenEnd = offset;
  }
  if (syllables.usual && latinMark) {
    syllables = { usual: true, starts: [], ends: [], words: [], spacedBefore: [] };
    addSyllablesIn(syllables, text, 0, text.length, false);
  }
  return { tokens, syllables };
}

/**
 * Cuts of the texts seen lately: the sentences and names of the article being read. Two generations, so
 * a long article keeps its most recent cuts when the newer one fills, and cuts of finished articles die
 * young (cheap for the garbage collector).
 */
const CACHE_GENERATION = 128;
let recentCuts = new Map<string, TextCut>();
let olderCuts = new Map<string, TextCut>();

function cutOf(text: string): TextCut {
  let found = recentCuts.get(text);
  if (found) return found;
  found = olderCuts.get(text) ?? cut(text);
  if (recentCuts.size >= CACHE_GENERATION) {
    olderCuts = recentCuts;
    recentCuts = new Map();
  }
  recentCuts.set(text, found);
  return found;
}

/** The text's words and marks. Shared between callers (a sentence is cut once): do not modify. */
export function tokenize(text: string): readonly Token[] {
  return cutOf(text).tokens;
}

const ONLY_CAPITALS_OR_DIGITS = /^[\p{Lu}\p{N}]{2,}$/u;
const HAS_CAPITAL = /\p{Lu}/u;

export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && (classAt(token.text, 0) & UPPERCASE_BIT) !== 0;
}

export function isLowercaseWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && (classAt(token.text, 0) & LOWERCASE_BIT) !== 0;
}

/** `NATO`, `EU`, `G7`: two or more capitals or digits, at least one a letter. */
export function isAcronym(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && ONLY_CAPITALS_OR_DIGITS.test(token.text) && HAS_CAPITAL.test(token.text);
}

// ---------------------------------------------------------------------------------------------
// Phrase tables over tokens (names, titles, places: case-sensitive unless asked).

/**
 * Finds which entry of a phrase table starts at a token, longest first. Returns how many tokens it
 * covers (0 when none does).
 */
export type PhraseMatcher = (tokens: readonly Token[], index: number) => number;

export function phraseMatcher(phrases: readonly string[], options: { ignoreCaseAfterFirstWord?: boolean; ignoreCase?: boolean } = {}): PhraseMatcher {
  const ignoreFirst = Boolean(options.ignoreCase);
  const ignoreRest = Boolean(options.ignoreCase || options.ignoreCaseAfterFirstWord);
  const fold = (word: string, position: number) => ((position > 0 ? ignoreRest : ignoreFirst) ? lowercase(word) : word);
  const byFirstWord = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = tokenize(phrase.normalize('NFC')).map((token, position) => fold(token.text, position));
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

// ---------------------------------------------------------------------------------------------
// Phrase tables over syllables (verbs, markers, exceptions: whole syllables, any case).

const ONLY_SYLLABLE = new RegExp(`^[${LATIN_LETTER}]+$`);
const SPACE = /\s/;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** The run holding the character at `offset`, or -1. */
function syllableAt(syllables: Syllables, offset: number): number {
  const { starts, ends } = syllables;
  let low = 0;
  let high = starts.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ends[middle]! <= offset) low = middle + 1;
    else if (starts[middle]! > offset) high = middle - 1;
    else return middle;
  }
  return -1;
}

/**
 * Do the phrase's words from `words[from]` on sit syllable by syllable from syllable `index`, only spaces
 * between them (and before `words[from]` when it is not the first)?
 */
function wordsFollow(syllables: Syllables, index: number, words: readonly string[], from = 0): boolean {
  if (index + words.length - from > syllables.words.length) return false;
  for (let offset = from; offset < words.length; offset += 1) {
    const at = index + offset - from;
    if (syllables.words[at] !== words[offset] || (offset > 0 && !syllables.spacedBefore[at])) return false;
  }
  return true;
}

/** A table's phrases as lowercased words, by first and by last word. */
interface WordList {
  phrases: string[][];
  byFirstWord: Map<string, string[][]>;
  byLastWord: Map<string, string[][]>;
}

function phraseWords(phrase: string): string[] {
  const words = phrase.normalize('NFC').trim().split(/\s+/).map((word) => word.toLowerCase());
  for (const word of words) {
    if (!ONLY_SYLLABLE.test(word) || UNUSUAL_LETTERS.test(word)) {
      throw new Error(`"${phrase}": a phrase table word must be made of Latin letters and digits only`);
    }
  }
  return words;
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const wordLists = new WeakMap<readonly string[], WordList>();

function wordListOf(phrases: readonly string[]): WordList {
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

/** Offset of the first non-space character at or after `offset`. */
function skipSpaces(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && (classAt(text, at) & SPACE_BIT) !== 0) at += 1;
  return at;
}

function wordStartsAtIn(syllables: Syllables, text: string, position: number, list: WordList): boolean {
  const start = skipSpaces(text, position);
  const index = syllableAt(syllables, start);
  if (index < 0) return false;
  // Right at `position` a syllable may be cut in two: what the text says from there on is the first word.
  const first = start === syllables.starts[index] ? syllables.words[index]! : lowercase(text.slice(start, syllables.ends[index]));
  const candidates = list.byFirstWord.get(first);
  return candidates !== undefined && candidates.some((words) => wordsFollow(syllables, index + 1, words, 1));
}

function wordEndsAtIn(syllables: Syllables, text: string, position: number, list: WordList): boolean {
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

function phraseMatchesIn(syllables: Syllables, words: readonly string[]): { start: number; end: number }[] {
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
    return phrases.flatMap((phrase) => [...text.matchAll(wordPattern(phrase))].map((match) => ({ phrase, start: match.index, end: match.index + match[0].length })));
  }
  const list = wordListOf(phrases);
  return list.phrases.flatMap((words, index) => phraseMatchesIn(syllables, words).map((span) => ({ phrase: phrases[index]!, ...span })));
}

// ---------------------------------------------------------------------------------------------
// Trigger tables: each row's phrase and exceptions compiled once into lowercased words.

export interface TriggerMatch<T extends TriggerPhrase = TriggerPhrase> {
  rule: T;
  /** Offsets into the searched text. */
  start: number;
  end: number;
}

interface CompiledRule<T> {
  rule: T;
  /** Position in the table: of two rows matching the same words, the earlier is listed first. */
  order: number;
  words: string[];
  notFollowedBy?: WordList;
  notPrecededBy?: WordList;
  needsNext?: { capitalised: boolean; words: WordList; marks: string[]; anyWord: boolean };
}

interface CompiledTable<T> {
  byFirstWord: Map<string, CompiledRule<T>[]>;
}

const compiledTables = new WeakMap<readonly TriggerPhrase[], CompiledTable<TriggerPhrase>>();

function compileRule<T extends TriggerPhrase>(rule: T, order: number): CompiledRule<T> {
  const compiled: CompiledRule<T> = { rule, order, words: phraseWords(rule.phrase) };
  if (rule.notFollowedBy) compiled.notFollowedBy = wordListOf(rule.notFollowedBy);
  if (rule.notPrecededBy) compiled.notPrecededBy = wordListOf(rule.notPrecededBy);
  if (rule.needsNext) {
    // Quote marks are matched as they are; words as whole syllables.
    const all = rule.needsNext.words ?? [];
    const marks = all.filter((word) => !STARTS_WITH_LETTER.test(word));
    for (const mark of marks) {
      if (mark === '' || SPACE.test(mark)) throw new Error(`"${mark}": a mark after a trigger must be one piece, without spaces`);
    }
    compiled.needsNext = {
      capitalised: Boolean(rule.needsNext.capitalised),
      words: wordListOf(all.filter((word) => STARTS_WITH_LETTER.test(word))),
      marks,
      // As the patterns have always read it: no words listed lets any next word through, so
      // `{ capitalised: true }` alone does not restrict (`dự án` counts as `dự`).
      anyWord: all.length === 0,
    };
  }
  return compiled;
}

function compileTable<T extends TriggerPhrase>(rules: readonly T[]): CompiledTable<T> {
  const cached = compiledTables.get(rules) as CompiledTable<T> | undefined;
  if (cached) return cached;
  const table: CompiledTable<T> = { byFirstWord: new Map() };
  rules.forEach((rule, order) => {
    const compiled = compileRule(rule, order);
    addTo(table.byFirstWord, compiled.words[0]!, compiled);
  });
  compiledTables.set(rules, table as CompiledTable<TriggerPhrase>);
  return table;
}

function nextWordAllowed(compiled: CompiledRule<unknown>, syllables: Syllables, text: string, end: number): boolean {
  const needs = compiled.needsNext;
  if (needs === undefined || needs.anyWord) return true;
  const next = skipSpaces(text, end);
  if (needs.capitalised && next < text.length && (classAt(text, next) & UPPERCASE_BIT) !== 0) return true;
  return wordStartsAtIn(syllables, text, next, needs.words) || needs.marks.some((mark) => text.startsWith(mark, next));
}

/**
 * Every place a trigger table's phrases occur in `text`, minus the exceptions each row lists and minus
 * anything inside a false-friend phrase. Overlapping matches keep the longest (`ký kết` over `ký`).
 */
export function findTriggers<T extends TriggerPhrase>(text: string, rules: readonly T[], falseFriends: readonly string[] = []): TriggerMatch<T>[] {
  const { syllables } = cutOf(text);
  if (!syllables.usual) return findTriggersByPattern(text, rules, falseFriends);
  const table = compileTable(rules);
  // Looked for once a phrase is found (most sentences have none).
  let blocked: { start: number; end: number }[] | undefined;
  const isBlocked = (start: number, end: number) => {
    blocked ??= falseFriends.length === 0 ? [] : wordListOf(falseFriends).phrases.flatMap((words) => phraseMatchesIn(syllables, words));
    return blocked.some((span) => start < span.end && end > span.start);
  };
  // Where each row's previous occurrence ended: like a global pattern, a row's occurrences do not overlap.
  let previousEnd: Map<CompiledRule<T>, number> | undefined;
  const found: { match: TriggerMatch<T>; order: number }[] = [];
  for (let index = 0; index < syllables.words.length; index += 1) {
    const candidates = table.byFirstWord.get(syllables.words[index]!);
    if (!candidates) continue;
    for (const compiled of candidates) {
      if (!wordsFollow(syllables, index + 1, compiled.words, 1)) continue;
      const start = syllables.starts[index]!;
      const end = syllables.ends[index + compiled.words.length - 1]!;
      previousEnd ??= new Map();
      if (start < (previousEnd.get(compiled) ?? 0)) continue;
      previousEnd.set(compiled, end);
      const { rule } = compiled;
      if (rule.lowercaseOnly) {
        const written = text.slice(start, end);
        if (written !== lowercase(written)) continue;
      }
      if (compiled.notFollowedBy && wordStartsAtIn(syllables, text, end, compiled.notFollowedBy)) continue;
      if (compiled.notPrecededBy && wordEndsAtIn(syllables, text, start, compiled.notPrecededBy)) continue;
      if (!nextWordAllowed(compiled, syllables, text, end)) continue;
      if (isBlocked(start, end)) continue;
      found.push({ match: { rule, start, end }, order: compiled.order });
    }
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end || a.order - b.order);
  const kept: TriggerMatch<T>[] = [];
  for (const { match } of found) {
    const previous = kept[kept.length - 1];
    if (previous && match.start < previous.end) continue;
    kept.push(match);
  }
  return kept;
}
