// Lookups derived from a Library on first use and kept for its lifetime, so that /who-met and
// /agreements do no per-item folding or splitting while answering (a 100k-paragraph corpus holds
// tens of thousands of meetings). Keyed by the library object, so a reload starts afresh.
import type { Library } from './library.ts';
import { foldedWords } from './matchText.ts';
import { foldDiacritics } from '../search/foldDiacritics.ts';

interface Lookups {
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
    found = { participantWords, foldedAgreementQuotes };
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
    const joined = words.join('');
    if (typedWords.every((word) => words.some((part) => part.startsWith(word)) || joined.includes(word))) names.add(name);
  }
  return names;
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
