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
  /** Every folded word of every participant's name (and the name written solid from each word), sorted. */
  participantsByWord: { word: string; name: string }[];
  /** Positions in `library.meetings` of each participant's meetings, ascending. */
  meetingsByParticipant: Map<string, number[]>;
  /** Positions in `library.agreements` whose quotes hold each folded syllable, ascending. */
  agreementsBySyllable: Map<string, number[]>;
}

const lookupsByLibrary = new WeakMap<Library, Lookups>();

function lookups(library: Library): Lookups {
  let found = lookupsByLibrary.get(library);
  if (!found) {
    const participantWords = new Map<string, string[]>();
    const meetingsByParticipant = new Map<string, number[]>();
    library.meetings.forEach((meeting, position) => {
      for (const person of meeting.participants ?? []) {
        if (!participantWords.has(person.name)) participantWords.set(person.name, foldedWords(person.name));
        const positions = meetingsByParticipant.get(person.name);
        if (!positions) meetingsByParticipant.set(person.name, [position]);
        else if (positions[positions.length - 1] !== position) positions.push(position);
      }
    });
    const participantsByWord: { word: string; name: string }[] = [];
    for (const [name, words] of participantWords) {
      // Each word, and the name written solid from each word on ("sukyeol" for "Yoon Suk-yeol").
      const forms = new Set([...words, ...words.map((_, i) => words.slice(i).join(''))]);
      for (const word of forms) participantsByWord.push({ word, name });
    }
    participantsByWord.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    const foldedAgreementQuotes = library.agreements.map((agreement) =>
      foldDiacritics(agreement.citations.map((citation) => citation.quote).join('\n')),
    );
    const agreementsBySyllable = new Map<string, number[]>();
    foldedAgreementQuotes.forEach((quote, position) => {
      for (const syllable of new Set(quote.split(/[^\p{L}\p{N}]+/u))) {
        if (!syllable) continue;
        const positions = agreementsBySyllable.get(syllable);
        if (positions) positions.push(position);
        else agreementsBySyllable.set(syllable, [position]);
      }
    });
    const peopleWords = library.people.map((person) => foldedWords(person.name));
    const sortedArticleIds = library.corpus.articles
      .map((article) => ({ lower: article.id.toLowerCase(), id: article.id }))
      .sort((a, b) => (a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : 0));
    found = {
      participantWords,
      participantsByWord,
      foldedAgreementQuotes,
      peopleWords,
      sortedArticleIds,
      meetingsByParticipant,
      agreementsBySyllable,
    };
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
  const { participantsByWord, participantWords } = lookups(library);
  if (typedWords.length === 0) return new Set(participantWords.keys());
  // Each typed word, by binary search: the names with a word starting with it; then the names all share.
  let names: Set<string> | undefined;
  for (const typedWord of typedWords) {
    const withWord = new Set<string>();
    for (let i = lowerBound(participantsByWord, typedWord, (entry) => entry.word); i < participantsByWord.length; i++) {
      const entry = participantsByWord[i]!;
      if (!entry.word.startsWith(typedWord)) break;
      withWord.add(entry.name);
    }
    names = names ? new Set([...names].filter((name) => withWord.has(name))) : withWord;
    if (names.size === 0) break;
  }
  return names ?? new Set();
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

/**
 * Positions in `library.agreements` whose quotes contain every typed word, compared without marks:
 * the rarest word's agreements (from a syllable index) checked for the others.
 */
export function agreementsContainingWords(library: Library, typed: string): Set<number> {
  const words = foldedWords(typed);
  const matching = new Set<number>();
  if (words.length === 0) return matching;
  const { agreementsBySyllable, foldedAgreementQuotes } = lookups(library);
  const lists = words.map((word) => agreementsBySyllable.get(word));
  if (lists.some((list) => list === undefined)) return matching;
  const rarest = lists.reduce((a, b) => (b!.length < a!.length ? b : a))!;
  for (const position of rarest) {
    const quote = foldedAgreementQuotes[position]!;
    if (words.every((word) => quote.includes(word))) matching.add(position);
  }
  return matching;
}

/** Positions in `library.meetings` of the meetings of any of `names`, ascending. */
export function meetingsOfParticipants(library: Library, names: ReadonlySet<string>): number[] {
  const { meetingsByParticipant } = lookups(library);
  if (names.size === 1) return meetingsByParticipant.get([...names][0]!) ?? [];
  const positions = new Set<number>();
  for (const name of names) for (const position of meetingsByParticipant.get(name) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b);
}

/**
 * The positions [from, to) of items dated within a year (and month) in a list sorted by date, found by
 * binary search: dates are `YYYY-MM` or `YYYY-MM-DD`, so they sort as text.
 */
export function dateRange(items: readonly { date: string }[], year: number | undefined, month?: number): [number, number] {
  if (year === undefined) return [0, items.length];
  const prefix = month === undefined ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
  const date = (item: { date: string }) => item.date;
  return [lowerBound(items, prefix, date), lowerBound(items, `${prefix}\uffff`, date)];
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
        // Lengths further apart than the allowed edits can never match, and a misspelling rarely
        // gets the first letter wrong: skip the full comparison for those.
        if (word[0] !== typedWord[0] || Math.abs(word.length - typedWord.length) > allowed) continue;
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
  const low = lowerBound(sortedArticleIds, lower, (entry) => entry.lower);
  const ids: string[] = [];
  for (let i = low; i < sortedArticleIds.length && ids.length < limit && sortedArticleIds[i]!.lower.startsWith(lower); i++) {
    ids.push(sortedArticleIds[i]!.id);
  }
  return ids;
}

/** The first position in `items` (sorted by `keyOf`, as text) whose key is not below `key`. */
function lowerBound<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(items[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
