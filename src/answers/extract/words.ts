// The small text tools every extractor shares: cutting a sentence into words with their offsets,
// matching reviewed phrase tables word by word, and finding trigger phrases with their exceptions.
// Extraction looks at each sentence many times (people, places, triggers, exceptions), so a sentence is
// cut once and every table is compiled once; the phrase tables stay plain data.
import type { TriggerPhrase } from '../../language/triggerPhrase.ts';

export interface Token {
  readonly text: string;
  /** Offsets into the text that was tokenised. */
  readonly start: number;
  readonly end: number;
  /** Words are letters/digits (with inner hyphens or apostrophes: `Suk-yeol`); anything else is one mark. */
  readonly isWord: boolean;
}

// What the tokeniser and the case tests need to know about a character, read from the Unicode
// property patterns once per character met (a table lookup afterwards, instead of a regex per step).
const SPACE_BIT = 1;
const LETTER_BIT = 2; // \p{L}, \p{M} or \p{N}
const UPPERCASE_BIT = 4; // \p{Lu}
const LOWERCASE_BIT = 8; // \p{Ll}
const CHANGES_WHEN_LOWERCASED_BIT = 16;
const KNOWN_BIT = 32;

const IS_SPACE = /^\s$/u;
const IS_LETTER = /^[\p{L}\p{M}\p{N}]$/u;
const IS_UPPERCASE = /^\p{Lu}$/u;
const IS_LOWERCASE = /^\p{Ll}$/u;

function classify(character: string): number {
  return (
    KNOWN_BIT |
    (IS_SPACE.test(character) ? SPACE_BIT : 0) |
    (IS_LETTER.test(character) ? LETTER_BIT : 0) |
    (IS_UPPERCASE.test(character) ? UPPERCASE_BIT : 0) |
    (IS_LOWERCASE.test(character) ? LOWERCASE_BIT : 0) |
    (character.toLowerCase() !== character ? CHANGES_WHEN_LOWERCASED_BIT : 0)
  );
}

const classOfCodeUnit = new Uint8Array(0x10000);
const classOfAstral = new Map<number, number>();

function isSurrogatePair(text: string, offset: number): boolean {
  const high = text.charCodeAt(offset);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(offset + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/** The class of the code point at `offset` (a surrogate pair is one code point, as with the `u` flag). */
function classOfCode(code: number): number {
  let bits = classOfCodeUnit[code]!;
  if (bits === 0) {
    bits = classify(String.fromCharCode(code));
    classOfCodeUnit[code] = bits;
  }
  return bits;
}

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

function letterRunEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && (classAt(text, end) & LETTER_BIT) !== 0) end += widthAt(text, end);
  return end;
}

/**
 * Letters/digits with inner hyphens or apostrophes are one word; any other character but a space is one
 * mark. The same cut as `/([\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*)|[^\s\p{L}\p{M}\p{N}]/gu`.
 */
function cutIntoTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  while (offset < text.length) {
    const bits = classAt(text, offset);
    if ((bits & SPACE_BIT) !== 0) {
      offset += 1;
      continue;
    }
    const start = offset;
    if ((bits & LETTER_BIT) !== 0) {
      offset = letterRunEnd(text, offset);
      while (offset + 1 < text.length && isWordJoiner(text.charCodeAt(offset)) && (classAt(text, offset + 1) & LETTER_BIT) !== 0) {
        offset = letterRunEnd(text, offset + 1);
      }
    } else {
      offset += widthAt(text, offset);
    }
    tokens.push({ text: text.slice(start, offset), start, end: offset, isWord: (bits & LETTER_BIT) !== 0 });
  }
  return tokens;
}

/** Enough for every sentence of a long article; cleared whole when full (no bookkeeping per hit). */
const CACHE_LIMIT = 1;

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

const tokensByText = new Map<string, readonly Token[]>();

/** The text's words and marks. Shared between callers (a sentence is cut once): do not modify. */
export function tokenize(text: string): readonly Token[] {
  return tokensByText.get(text) ?? remember(tokensByText, text, cutIntoTokens(text));
}

/**
 * `text.toLowerCase()`, without the call when no character would change (most words): on Vietnamese text
 * the call goes through ICU and costs more than the rest of a sentence's matching.
 */
export function lowercase(text: string): string {
  for (let offset = 0; offset < text.length; offset += 1) {
    if ((classAt(text, offset) & CHANGES_WHEN_LOWERCASED_BIT) !== 0) return text.toLowerCase();
  }
  return text;
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

export interface TriggerMatch<T extends TriggerPhrase = TriggerPhrase> {
  rule: T;
  /** Offsets into the searched text. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Whole syllables. A phrase matches where its words are whole runs of Latin letters and digits
// (Vietnamese included: đ, ơ, ư in Latin Extended, ạ…ỹ in Latin Extended Additional, combining marks),
// case-insensitively, with any run of spaces between them. The runs of a text are cut and lowercased once,
// so matching a table is a map lookup per run. `wordPattern` says the same thing as a regular expression;
// it is kept for the few texts the runs cannot handle (see UNUSUAL_LETTERS) and for single patterns.

const LATIN_LETTER = 'A-Za-z0-9\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F';
const ONLY_SYLLABLE = new RegExp(`^[${LATIN_LETTER}]+$`);
const SPACE = /\s/;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** The same set as LATIN_LETTER, for a loop over character codes. */
function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0xc0 && code <= 0x24f) ||
    (code >= 0x1e00 && code <= 0x1eff) ||
    (code >= 0x300 && code <= 0x36f)
  );
}

/**
 * Letters on which "equal ignoring case" (the patterns' Unicode case folding) and "equal once lowercased"
 * (the runs) disagree, found by comparing both on every code point: dotted İ, long ſ, ƛ, ȿ, ɀ, the
 * combining iota, ẛ, the Kelvin and Ångström signs, Ȿ, Ɀ, Ƛ. A text holding one is matched with the
 * patterns; a table word holding one is refused.
 */
const UNUSUAL_LETTERS = /[\u0130\u017F\u019B\u023F\u0240\u0345\u1E9B\u212A\u212B\u2C7E\u2C7F\uA7DC]/;

interface Syllables {
  /** False when the text holds an unusual letter: then only the patterns give the right answer. */
  usual: boolean;
  starts: number[];
  ends: number[];
  /** Each run lowercased. */
  words: string[];
  /** Whether only spaces separate run i from run i - 1 (so a phrase may go on across them). */
  spacedBefore: boolean[];
}

const syllablesByText = new Map<string, Syllables>();
const UNUSUAL_TEXT: Syllables = { usual: false, starts: [], ends: [], words: [], spacedBefore: [] };

function cutIntoSyllables(text: string): Syllables {
  if (UNUSUAL_LETTERS.test(text)) return UNUSUAL_TEXT;
  const syllables: Syllables = { usual: true, starts: [], ends: [], words: [], spacedBefore: [] };
  let previousEnd = -1;
  let onlySpacesSince = false;
  for (let offset = 0; offset < text.length; ) {
    const code = text.charCodeAt(offset);
    if (!isLatinLetter(code)) {
      onlySpacesSince &&= (classAt(text, offset) & SPACE_BIT) !== 0;
      offset += 1;
      continue;
    }
    const start = offset;
    let changesWhenLowercased = 0;
    for (let code = text.charCodeAt(offset); offset < text.length && isLatinLetter(code); code = text.charCodeAt(offset)) {
      changesWhenLowercased |= classOfCode(code) & CHANGES_WHEN_LOWERCASED_BIT;
      offset += 1;
    }
    const written = text.slice(start, offset);
    syllables.spacedBefore.push(previousEnd >= 0 && onlySpacesSince);
    syllables.starts.push(start);
    syllables.ends.push(offset);
    syllables.words.push(changesWhenLowercased === 0 ? written : written.toLowerCase());
    previousEnd = offset;
    onlySpacesSince = true;
  }
  return syllables;
}

function syllablesOf(text: string): Syllables {
  return syllablesByText.get(text) ?? remember(syllablesByText, text, cutIntoSyllables(text));
}

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
 * Do the phrase's words (lowercased) from `words[from]` on sit run by run from run `index`, only spaces
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

function addTo(map: Map<string, string[][]>, key: string, words: string[]): void {
  const list = map.get(key);
  if (list) list.push(words);
  else map.set(key, [words]);
}

const wordLists = new WeakMap<readonly string[], WordList>();

function wordListOf(phrases: readonly string[]): WordList {
  let list = wordLists.get(phrases);
  if (!list) {
    const compiled: WordList = { phrases: [], byFirstWord: new Map(), byLastWord: new Map() };
    for (const phrase of phrases) {
      const words = phraseWords(phrase);
      compiled.phrases.push(words);
      addTo(compiled.byFirstWord, words[0]!, words);
      addTo(compiled.byLastWord, words[words.length - 1]!, words);
    }
    list = compiled;
    wordLists.set(phrases, list);
  }
  return list;
}

/** Offset of the first non-space character at or after `offset`. */
function skipSpacesForward(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && (classAt(text, at) & SPACE_BIT) !== 0) at += 1;
  return at;
}

function wordStartsAtIn(syllables: Syllables, text: string, position: number, list: WordList): boolean {
  const start = skipSpacesForward(text, position);
  const index = syllableAt(syllables, start);
  if (index < 0) return false;
  // Right at `position` a run may be cut in two: what the text says from there on is the first word.
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
  const syllables = syllablesOf(text);
  if (!syllables.usual) return startsWithWordPattern(text.slice(position), words);
  return wordStartsAtIn(syllables, text, position, wordListOf(words));
}

/** Does one of the words end at `position` of `text`, before spaces, as whole syllables? */
export function wordEndsAt(text: string, position: number, words: readonly string[]): boolean {
  const syllables = syllablesOf(text);
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
  const syllables = syllablesOf(text);
  if (!syllables.usual) {
    return phrases.flatMap((phrase) => [...text.matchAll(wordPattern(phrase))].map((match) => ({ phrase, start: match.index, end: match.index + match[0].length })));
  }
  const list = wordListOf(phrases);
  return list.phrases.flatMap((words, index) => phraseMatchesIn(syllables, words).map((span) => ({ phrase: phrases[index]!, ...span })));
}

// ---------------------------------------------------------------------------------------------
// Trigger tables, compiled once: each row's phrase and exceptions as lowercased words.

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
  rules: CompiledRule<T>[];
  byFirstWord: Map<string, CompiledRule<T>[]>;
}

const compiledTables = new WeakMap<readonly TriggerPhrase[], CompiledTable<TriggerPhrase>>();

function compileTable<T extends TriggerPhrase>(rules: readonly T[]): CompiledTable<T> {
  const cached = compiledTables.get(rules) as CompiledTable<T> | undefined;
  if (cached) return cached;
  const table: CompiledTable<T> = { rules: [], byFirstWord: new Map() };
  rules.forEach((rule, order) => {
    const compiled: CompiledRule<T> = { rule, order, words: phraseWords(rule.phrase) };
    if (rule.notFollowedBy) compiled.notFollowedBy = wordListOf(rule.notFollowedBy);
    if (rule.notPrecededBy) compiled.notPrecededBy = wordListOf(rule.notPrecededBy);
    if (rule.needsNext) {
      // Quote marks are matched as they are; words as whole syllables.
      const all = rule.needsNext.words ?? [];
      const marks = all.filter((word) => !STARTS_WITH_LETTER.test(word));
      for (const mark of marks) {
        if (SPACE.test(mark) || mark === '') throw new Error(`"${mark}": a mark after a trigger must be one piece, without spaces`);
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
    table.rules.push(compiled);
    const list = table.byFirstWord.get(compiled.words[0]!);
    if (list) list.push(compiled);
    else table.byFirstWord.set(compiled.words[0]!, [compiled]);
  });
  compiledTables.set(rules, table as CompiledTable<TriggerPhrase>);
  return table;
}

function nextWordAllowedIn(compiled: CompiledRule<unknown>, syllables: Syllables, text: string, end: number): boolean {
  const needs = compiled.needsNext;
  if (needs === undefined) return true;
  if (needs.anyWord) return true;
  const next = skipSpacesForward(text, end);
  if (needs.capitalised && next < text.length && (classAt(text, next) & UPPERCASE_BIT) !== 0) return true;
  return wordStartsAtIn(syllables, text, next, needs.words) || needs.marks.some((mark) => text.startsWith(mark, next));
}

/**
 * Every place a trigger table's phrases occur in `text`, minus the exceptions each row lists and minus
 * anything inside a false-friend phrase. Overlapping matches keep the longest (`ký kết` over `ký`).
 */
export function findTriggers<T extends TriggerPhrase>(text: string, rules: readonly T[], falseFriends: readonly string[] = []): TriggerMatch<T>[] {
  const syllables = syllablesOf(text);
  if (!syllables.usual) return findTriggersByPattern(text, rules, falseFriends);
  const table = compileTable(rules);
  // Only looked for once a phrase is found (most sentences have none).
  let blocked: { start: number; end: number }[] | undefined;
  const isBlocked = (start: number, end: number) => {
    blocked ??= falseFriends.length === 0 ? [] : wordListOf(falseFriends).phrases.flatMap((words) => phraseMatchesIn(syllables, words));
    return blocked.some((span) => start < span.end && end > span.start);
  };
  // Where each row's previous occurrence ended: a row's occurrences do not overlap one another.
  let previousEnd: Map<CompiledRule<T>, number> | undefined;
  const found: { match: TriggerMatch<T>; order: number }[] = [];
  for (let index = 0; index < syllables.words.length; index += 1) {
    const candidates = table.byFirstWord.get(syllables.words[index]!);
    if (!candidates) continue;
    for (const compiled of candidates) {
      if (!wordsFollow(syllables, index + 1, compiled.words, 1)) continue;
      const start = syllables.starts[index]!;
      const last = index + compiled.words.length - 1;
      const end = syllables.ends[last]!;
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
      if (!nextWordAllowedIn(compiled, syllables, text, end)) continue;
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

// ---------------------------------------------------------------------------------------------
// The same matching as regular expressions: the reference the runs must agree with, and what texts
// with unusual letters are matched by.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Narrower than \p{L}, on purpose: V8 takes milliseconds to compile each case-insensitive pattern with
// \p{L}, and a table makes a few dozen of them.
const STARTS_UPPERCASE = /^\p{Lu}/u;
const NOT_LETTER_BEFORE = `(?<![${LATIN_LETTER}])`;
const NOT_LETTER_AFTER = `(?![${LATIN_LETTER}])`;

const patternsByFlags = new Map<string, Map<string, RegExp>>();

/**
 * A whole-syllable, case-insensitive pattern for a phrase (any run of spaces between words). Cached.
 * Use it with `matchAll` or `exec` on a fresh `lastIndex`; `matchAll` copies the pattern, so sharing is safe.
 */
export function wordPattern(phrase: string, flags = 'giu'): RegExp {
  let patterns = patternsByFlags.get(flags);
  if (!patterns) {
    patterns = new Map();
    patternsByFlags.set(flags, patterns);
  }
  const cached = patterns.get(phrase);
  if (cached) return cached;
  const body = phrase
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
  const pattern = new RegExp(`${NOT_LETTER_BEFORE}${body}${NOT_LETTER_AFTER}`, flags);
  patterns.set(phrase, pattern);
  return pattern;
}

const startPatterns = new WeakMap<readonly string[], RegExp>();
const endPatterns = new WeakMap<readonly string[], RegExp>();

function anyOf(words: readonly string[]): string {
  return words.map((word) => wordPattern(word, 'u').source).join('|');
}

function startsWithWordPattern(text: string, words: readonly string[]): boolean {
  let pattern = startPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${anyOf(words)})`, 'iu');
    startPatterns.set(words, pattern);
  }
  return pattern.test(text);
}

function endsWithWordPattern(text: string, words: readonly string[]): boolean {
  let pattern = endPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`(?:${anyOf(words)})\\s*$`, 'iu');
    endPatterns.set(words, pattern);
  }
  return pattern.test(text);
}

function nextWordAllowedByPattern(rule: TriggerPhrase, after: string): boolean {
  const needs = rule.needsNext;
  if (needs === undefined) return true;
  const next = after.trimStart();
  if (needs.capitalised && STARTS_UPPERCASE.test(next)) return true;
  const words = needs.words ?? [];
  return startsWithWordPattern(next, words) || words.some((mark) => !STARTS_WITH_LETTER.test(mark) && next.startsWith(mark));
}

/** `findTriggers` with one pattern per row: the reference, and the way for texts with unusual letters. */
export function findTriggersByPattern<T extends TriggerPhrase>(text: string, rules: readonly T[], falseFriends: readonly string[] = []): TriggerMatch<T>[] {
  const blocked = falseFriends.flatMap((phrase) => [...text.matchAll(wordPattern(phrase))].map((m) => [m.index, m.index + m[0].length] as const));
  const found: TriggerMatch<T>[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(wordPattern(rule.phrase))) {
      const start = match.index;
      const end = start + match[0].length;
      if (rule.lowercaseOnly && match[0] !== match[0].toLowerCase()) continue;
      const before = text.slice(0, start);
      const after = text.slice(end);
      if (rule.notFollowedBy && startsWithWordPattern(after, rule.notFollowedBy)) continue;
      if (rule.notPrecededBy && endsWithWordPattern(before, rule.notPrecededBy)) continue;
      if (!nextWordAllowedByPattern(rule, after)) continue;
      if (blocked.some(([from, to]) => start < to && end > from)) continue;
      found.push({ rule, start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TriggerMatch<T>[] = [];
  for (const match of found) {
    const previous = kept[kept.length - 1];
    if (previous && match.start < previous.end) continue;
    kept.push(match);
  }
  return kept;
}
