// Whole-syllable matching said as regular expressions: what `syllableMatch.ts` and `findTriggers.ts`
// compute over a sentence's syllables, kept as the reference they must agree with and for the rare texts
// the syllables cannot read (letters whose case folding is unusual, see UNUSUAL_LETTERS in
// `characterClasses.ts`).
import { escapeRegExp } from './escapeRegExp.ts';
import type { TriggerMatch, TriggerPhrase } from './triggerPhrase.ts';

/**
 * Letters of Latin script (Vietnamese included: đ, ơ, ư in Latin Extended, ạ…ỹ in Latin Extended
 * Additional, combining marks) and digits: what a whole-syllable match may not touch on either side.
 * Narrower than \p{L}, on purpose: V8 takes milliseconds to compile each case-insensitive pattern with
 * \p{L}, and a table makes a few dozen of them.
 */
export const LATIN_LETTER = 'A-Za-z0-9\\u00C0-\\u024F\\u1E00-\\u1EFF\\u0300-\\u036F';
const NOT_LETTER_BEFORE = `(?<![${LATIN_LETTER}])`;
const NOT_LETTER_AFTER = `(?![${LATIN_LETTER}])`;
const STARTS_UPPERCASE = /^\p{Lu}/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

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
  const body = phrase.normalize('NFC').trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const pattern = new RegExp(`${NOT_LETTER_BEFORE}${body}${NOT_LETTER_AFTER}`, flags);
  patterns.set(phrase, pattern);
  return pattern;
}

/** One alternative per word, for building a pattern out of a table. */
export function anyWordPattern(words: readonly string[]): string {
  return words.map((word) => wordPattern(word, 'u').source).join('|');
}

const startPatterns = new WeakMap<readonly string[], RegExp>();
const endPatterns = new WeakMap<readonly string[], RegExp>();

/** Does `text` begin (after spaces) with one of the words, as whole syllables? */
export function startsWithWordPattern(text: string, words: readonly string[]): boolean {
  let pattern = startPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`^\\s*(?:${anyWordPattern(words)})`, 'iu');
    startPatterns.set(words, pattern);
  }
  return pattern.test(text);
}

/** Does `text` end (before spaces) with one of the words, as whole syllables? */
export function endsWithWordPattern(text: string, words: readonly string[]): boolean {
  let pattern = endPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`(?:${anyWordPattern(words)})\\s*$`, 'iu');
    endPatterns.set(words, pattern);
  }
  return pattern.test(text);
}

function nextWordAllowed(rule: TriggerPhrase, after: string): boolean {
  const needs = rule.needsNext;
  if (needs === undefined) return true;
  const next = after.trimStart();
  if (needs.capitalised && STARTS_UPPERCASE.test(next)) return true;
  const words = needs.words ?? [];
  // Quote marks are matched as they are; words as whole syllables.
  return startsWithWordPattern(next, words) || words.some((mark) => !STARTS_WITH_LETTER.test(mark) && next.startsWith(mark));
}

/** `findTriggers` with one pattern per row and exception. */
export function findTriggersByPattern<T extends TriggerPhrase>(
  text: string,
  rules: readonly T[],
  falseFriends: readonly string[] = [],
): TriggerMatch<T>[] {
  const blocked = falseFriends.flatMap((phrase) =>
    [...text.matchAll(wordPattern(phrase))].map((m) => [m.index, m.index + m[0].length] as const),
  );
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
