// Lookups derived from a Library on first use and kept for its lifetime, so that /who-met and
// /agreements do no per-item folding or splitting while answering (a 100k-paragraph corpus holds
// tens of thousands of meetings). Keyed by the library object, so a reload starts afresh.
import type { Library } from './library.ts';
import { foldedWords } from './matchText.ts';
import { foldDiacritics } from '../search/foldDiacritics.ts';

interface Lookups {
  /** Article ids, lowercased and sorted, for prefix lookups while an id is typed. */
  sortedArticleIds: { lower: string; id: string }[];
  /** Folded words of each entry of `library.people`, aligned with it. */
  peopleWords: string[][];
  /** Every participant name, with its folded words (hyphenated parts split). */
  participantWords: Map<string, string[]>;
  /** Folded text of each agreement's quotes, aligned with `library.agreements`. */
  foldedAgreementQuotes: string[];
}

const lookupsByLibrary = new WeakMap<Library, Lookups>();

function lookups(library: Library): Lookups {
  let found = lookupsByLibrary.get(library);
  if (!found) {
    const participantWords = new Map<string, string[]>();
    for (const meeting of library.meetings) {
      for (const person of meeting.participants ?? []) {
        if (!participantWords.has(person.name)) participantWords.set(person.name, foldedWords(person.name));
      }
    }
    const foldedAgreementQuotes = library.agreements.map((agreement) =>
      foldDiacritics(agreement.citations.map((citation) => citation.quote).join('\n')),
    );
    const peopleWords = library.people.map((person) => foldedWords(person.name));
    const sortedArticleIds = library.corpus.articles
      .map((article) => ({ lower: article.id.toLowerCase(), id: article.id }))
      .sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
    found = { participantWords, foldedAgreementQuotes, peopleWords, sortedArticleIds };
    lookupsByLibrary.set(library, found);
  }
  return found;
}

/**
 * Names of meeting participants that the typed text matches: every typed word starts one of the
 * name's words ("rutte", "mark r", "stolt"), or stands inside the name written solid ("sukyeol").
 */
export function participantsMatching(library: Library, typed: string): Set<string> {
  const typedWords = foldedWords(typed);
  const names = new Set<string>();
  for (const [name, words] of lookups(library).participantWords) {
    if (wordsMatch(words, typedWords)) names.add(name);
  }
  return names;
}

/** Entries of `library.people` the typed text matches (as above), in the library's order, at most `limit`. */
export function peopleMatching(library: Library, typed: string, limit: number): Library['people'] {
  const typedWords = foldedWords(typed);
  const { peopleWords } = lookups(library);
  const found: Library['people'] = [];
  for (let i = 0; i < library.people.length && found.length < limit; i++) {
    if (wordsMatch(peopleWords[i]!, typedWords)) found.push(library.people[i]!);
  }
  return found;
}

function wordsMatch(nameWords: readonly string[], typedWords: readonly string[]): boolean {
  if (typedWords.length === 0) return true;
  const joined = nameWords.join('');
  return typedWords.every((word) => nameWords.some((part) => part.startsWith(word)) || joined.includes(word));
}

/** Indexes into `library.agreements` whose quotes contain every typed word, compared without marks. */
export function agreementsContainingWords(library: Library, typed: string): Set<number> {
  const words = foldedWords(typed);
  const matching = new Set<number>();
  if (words.length === 0) return matching;
  lookups(library).foldedAgreementQuotes.forEach((quote, i) => {
    if (words.every((word) => quote.includes(word))) matching.add(i);
  });
  return matching;
}

/**
 * Meeting participants whose name is spelled close to what was typed ("Stoltenbreg", "Rute"): some
 * word of the name within a third of its length in edits of a typed word. For "did you mean".
 */
export function participantsSpelledLike(library: Library, typed: string, limit: number): string[] {
  const typedWords = foldedWords(typed).filter((word) => word.length >= 3);
  const scored: { name: string; distance: number }[] = [];
  for (const [name, words] of lookups(library).participantWords) {
    let best = Infinity;
    for (const word of words) {
      const allowed = Math.max(1, Math.floor(word.length / 3));
      for (const typedWord of typedWords) {
        // Lengths further apart than the allowed edits can never match: skip the full comparison.
        if (Math.abs(word.length - typedWord.length) > allowed) continue;
        const distance = editDistance(word, typedWord);
        if (distance <= allowed) best = Math.min(best, distance);
      }
    }
    if (best < Infinity) scored.push({ name, distance: best });
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** Levenshtein distance, two rows at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Ids of the articles whose id starts with `prefix` (case-insensitive), in id order, at most `limit`. */
export function articleIdsStartingWith(library: Library, prefix: string, limit: number): string[] {
  const { sortedArticleIds } = lookups(library);
  const lower = prefix.toLowerCase();
  let low = 0;
  let high = sortedArticleIds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedArticleIds[middle]!.lower < lower) low = middle + 1;
    else high = middle;
  }
  const ids: string[] = [];
  for (let i = low; i < sortedArticleIds.length && ids.length < limit && sortedArticleIds[i]!.lower.startsWith(lower); i++) {
    ids.push(sortedArticleIds[i]!.id);
  }
  return ids;
}
