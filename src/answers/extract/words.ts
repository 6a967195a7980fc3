// The small text tools every extractor shares: cutting a sentence into words with their offsets,
// matching reviewed phrase tables word by word, and finding trigger phrases with their exceptions.
import type { TriggerPhrase } from '../../language/triggerPhrase.ts';

export interface Token {
  text: string;
  /** Offsets into the text that was tokenised. */
  start: number;
  end: number;
  /** Words are letters/digits (with inner hyphens or apostrophes: `Suk-yeol`); anything else is one mark. */
  isWord: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
    isWord: /^[\p{L}\p{M}\p{N}]/u.test(match[0]),
  }));
}

export function isCapitalised(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && /^\p{Lu}/u.test(token.text);
}

export function isLowercaseWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && /^\p{Ll}/u.test(token.text);
}

/** `NATO`, `EU`, `G7`: two or more capitals or digits, at least one a letter. */
export function isAcronym(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && /^[\p{Lu}\p{N}]{2,}$/u.test(token.text) && /\p{Lu}/u.test(token.text);
}

/**
 * Finds which entry of a phrase table starts at a token, longest first. Returns how many tokens it
 * covers (0 when none does).
 */
export type PhraseMatcher = (tokens: readonly Token[], index: number) => number;

export function phraseMatcher(phrases: readonly string[], options: { ignoreCaseAfterFirstWord?: boolean; ignoreCase?: boolean } = {}): PhraseMatcher {
  const fold = (word: string, position: number) =>
    options.ignoreCase || (options.ignoreCaseAfterFirstWord && position > 0) ? word.toLowerCase() : word;
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
      if (words.every((word, offset) => tokens[index + offset] !== undefined && fold(tokens[index + offset]!.text, offset) === word)) {
        return words.length;
      }
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Letters of Latin script (Vietnamese included: đ, ơ, ư in Latin Extended, ạ…ỹ in Latin Extended
// Additional, combining marks) and digits. Narrower than \p{L}, on purpose: V8 takes milliseconds to
// compile each case-insensitive pattern with \p{L}, and we build a few hundred of them.
const LATIN_LETTER = 'A-Za-z0-9\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F';
const NOT_LETTER_BEFORE = `(?<![${LATIN_LETTER}])`;
const NOT_LETTER_AFTER = `(?![${LATIN_LETTER}])`;

const patternCache = new Map<string, RegExp>();

/**
 * A whole-syllable, case-insensitive pattern for a phrase (any run of spaces between words). Cached:
 * extraction asks for the same few hundred patterns for every sentence. Use it with `matchAll` or
 * `exec` on a fresh `lastIndex`; `matchAll` copies the pattern, so sharing is safe.
 */
export function wordPattern(phrase: string, flags = 'giu'): RegExp {
  const key = `${flags}\u0000${phrase}`;
  const cached = patternCache.get(key);
  if (cached) return cached;
  const body = phrase
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('\\s+');
  const pattern = new RegExp(`${NOT_LETTER_BEFORE}${body}${NOT_LETTER_AFTER}`, flags);
  patternCache.set(key, pattern);
  return pattern;
}

const startPatterns = new WeakMap<readonly string[], RegExp>();
const endPatterns = new WeakMap<readonly string[], RegExp>();

function anyOf(words: readonly string[]): string {
  return words.map((word) => wordPattern(word, 'u').source).join('|');
}

/** Does `text` begin (after spaces) with one of the words, as whole syllables? */
export function startsWithWord(text: string, words: readonly string[]): boolean {
  let pattern = startPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${anyOf(words)})`, 'iu');
    startPatterns.set(words, pattern);
  }
  return pattern.test(text);
}

/** Does `text` end (before spaces) with one of the words, as whole syllables? */
export function endsWithWord(text: string, words: readonly string[]): boolean {
  let pattern = endPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`(?:${anyOf(words)})\\s*$`, 'iu');
    endPatterns.set(words, pattern);
  }
  return pattern.test(text);
}

function nextWordAllowed(rule: TriggerPhrase, after: string): boolean {
  const needs = rule.needsNext;
  if (needs === undefined) return true;
  const next = after.trimStart();
  if (needs.capitalised && /^\p{Lu}/u.test(next)) return true;
  const words = needs.words ?? [];
  // Quote marks are matched as they are; words as whole syllables.
  return startsWithWord(next, words) || words.some((mark) => !/^\p{L}/u.test(mark) && next.startsWith(mark));
}

/**
 * Every place a trigger table's phrases occur in `text`, minus the exceptions each row lists and minus
 * anything inside a false-friend phrase. Overlapping matches keep the longest (`ký kết` over `ký`).
 */
export function findTriggers<T extends TriggerPhrase>(text: string, rules: readonly T[], falseFriends: readonly string[] = []): TriggerMatch<T>[] {
  const blocked = falseFriends.flatMap((phrase) => [...text.matchAll(wordPattern(phrase))].map((m) => [m.index, m.index + m[0].length] as const));
  const found: TriggerMatch<T>[] = [];
  for (const rule of rules) {
    for (const match of text.matchAll(wordPattern(rule.phrase))) {
      const start = match.index;
      const end = start + match[0].length;
      if (rule.lowercaseOnly && match[0] !== match[0].toLowerCase()) continue;
      const before = text.slice(0, start);
      const after = text.slice(end);
      if (rule.notFollowedBy && startsWithWord(after, rule.notFollowedBy)) continue;
      if (rule.notPrecededBy && endsWithWord(before, rule.notPrecededBy)) continue;
      if (!nextWordAllowed(rule, after)) continue;
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
