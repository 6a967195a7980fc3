// Trigger tables (meeting, reporting and agreement verbs): each row's phrase and exceptions compiled once into
// lowercased words, and every place a table's phrases occur in a sentence, minus the exceptions.
import { classAt, lowercase, UPPERCASE_BIT } from './characterClasses.ts';
import { addTo, phraseMatchesIn, phraseWords, type WordList, wordListOf, wordStartsAtIn, wordEndsAtIn } from './syllableMatch.ts';
import { type Syllables, skipSpaces, wordsFollow } from './syllables.ts';
import { cutOf } from './textCut.ts';
import type { TriggerMatch, TriggerPhrase } from './triggerPhrase.ts';
import { findTriggersByPattern } from './wordPatterns.ts';

const SPACE = /\s/;
const STARTS_WITH_LETTER = /^\p{L}/u;

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
export function findTriggers<T extends TriggerPhrase>(
  text: string,
  rules: readonly T[],
  falseFriends: readonly string[] = [],
): TriggerMatch<T>[] {
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
