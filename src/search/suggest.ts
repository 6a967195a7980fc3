// Suggestions ("did you mean", autocomplete): corpus words close to each typed word (itself, near
// spellings of a long word, completions of the word still being typed), shown the way the corpus
// writes them, plus the Vietnamese the corpus uses for an English glossary phrase.

import type { IndexState } from './indexState.ts';
import { paragraphAt } from './documentParagraphs.ts';
import type { TermPostings } from './postingColumns.ts';
import { BoundedMap } from '../text/boundedMap.ts';
import { SEARCH_TUNING } from './searchTuning.ts';
import type { Token } from '../text/tokenize.ts';
import { type QueryWord, analyzeQuery, bigramTerm, searchTokens } from './vietnameseAnalyzer.ts';

/** Suggestions stay conservative: a wrong "did you mean" is worse than none. */
const SUGGESTION_TUNING = {
  /** As for search: most Vietnamese syllables are one edit from another, so only long words. */
  minFuzzyLength: SEARCH_TUNING.minFuzzyLength,
  twoEditsFromLength: SEARCH_TUNING.twoEditsFromLength,
  minCompletionLength: 2,
  maxCompletions: 10,
  /** Paragraphs read to learn how a phrase is written. */
  maxParagraphsRead: 20,
} as const;

const COMPLETION = 3;

interface WordOption {
  folded: string;
  display: string;
  /** Lower is closer: 0 the word itself, 1–2 edits, 3 (`COMPLETION`) a word it starts. */
  distance: number;
  frequency: number;
}

/**
 * What suggestions already worked out for one index: how phrases are written and the paragraphs read
 * to learn it. The index never changes once built, so these stay true; both maps are bounded (least used lately out).
 */
interface SuggestionCache {
  written: BoundedMap<string, string | null>;
  tokens: BoundedMap<number, Token[]>;
}

const SUGGESTION_CACHE_SIZE = { written: 20_000, tokens: 4_000 } as const;

/** The `suggest` of one index, with its own cache. */
export function suggesterFor(state: IndexState): (query: string, limit: number) => string[] {
  const cache: SuggestionCache = {
    written: new BoundedMap(SUGGESTION_CACHE_SIZE.written),
    tokens: new BoundedMap(SUGGESTION_CACHE_SIZE.tokens),
  };
  return (query, limit) => suggest(state, cache, query, limit);
}

function optionsForWord(state: IndexState, word: QueryWord, previous: QueryWord | undefined): WordOption[] {
  const { minFuzzyLength, twoEditsFromLength, minCompletionLength, maxCompletions } = SUGGESTION_TUNING;
  const frequencyOf = (term: string) => state.postings.documentFrequency(term);
  const exactDisplay = state.vocabulary.get(word.folded);
  const options: WordOption[] = exactDisplay
    ? [{ folded: word.folded, display: exactDisplay, distance: 0, frequency: frequencyOf(word.folded) }]
    : [];
  if (!exactDisplay && word.folded.length >= minFuzzyLength) {
    const maxEdits = word.folded.length >= twoEditsFromLength ? 2 : 1;
    for (const [folded, [display, edits]] of state.vocabulary.fuzzyGet(word.folded, maxEdits)) {
      options.push({ folded, display, distance: edits, frequency: frequencyOf(folded) });
    }
  }
  if (word.stillTyping && word.folded.length >= minCompletionLength) {
    // Completions that continue the previous word as a phrase come first.
    const followsPrevious = (term: string) => (previous ? frequencyOf(bigramTerm(previous.folded, term)) : 0);
    const completions: Array<WordOption & { together: number }> = [];
    for (const [folded, display] of state.vocabulary.atPrefix(word.folded)) {
      if (folded === word.folded) continue;
      completions.push({ folded, display, distance: COMPLETION, frequency: frequencyOf(folded), together: followsPrevious(folded) });
    }
    completions.sort((a, b) => b.together - a.together || b.frequency - a.frequency);
    options.push(...completions.slice(0, maxCompletions));
  }
  return options.sort((a, b) => a.distance - b.distance || b.frequency - a.frequency);
}

/** How a run of folded words is written in the corpus, e.g. `cong nghiep` → `công nghiệp`. */
function writtenInCorpus(state: IndexState, cache: SuggestionCache, folded: readonly string[]): string | undefined {
  const key = folded.join(' ');
  const known = cache.written.get(key);
  if (known !== undefined) return known ?? undefined;
  const written = readWrittenForm(state, cache, folded);
  cache.written.set(key, written ?? null);
  return written;
}

function tokensOfParagraph(cache: SuggestionCache, document: number, text: string): Token[] {
  let tokens = cache.tokens.get(document);
  if (!tokens) cache.tokens.set(document, (tokens = searchTokens(text)));
  return tokens;
}

function readWrittenForm(state: IndexState, cache: SuggestionCache, folded: readonly string[]): string | undefined {
  const terms = folded.length > 1 ? folded.slice(1).map((word, i) => bigramTerm(folded[i]!, word)) : [...folded];
  const postings = terms.map((term) => state.postings.postingsOf(term));
  if (postings.some((list) => !list)) return undefined;
  const rarest = (postings as TermPostings[]).sort((a, b) => a.size - b.size)[0];
  if (!rarest) return undefined;
  const votes = new Map<string, number>();
  let read = 0;
  for (let at = 0; at < rarest.size; at++) {
    const document = rarest.documentAt(at);
    if (++read > SUGGESTION_TUNING.maxParagraphsRead) break;
    const text = paragraphAt(state, document)?.text;
    if (!text) continue;
    const tokens = tokensOfParagraph(cache, document, text);
    for (let i = 0; i + folded.length <= tokens.length; i++) {
      if (tokens[i]!.folded !== folded[0]) continue;
      const matches = folded.every(
        (word, offset) => tokens[i + offset]!.folded === word && (offset === 0 || tokens[i + offset - 1]!.adjacentToNext),
      );
      if (!matches) continue;
      const written = text.slice(tokens[i]!.start, tokens[i + folded.length - 1]!.end);
      // Lowercase spellings win ties: `Công nghiệp` is usually just the start of a sentence.
      votes.set(written, (votes.get(written) ?? 0) + (written === written.toLowerCase() ? 2 : 1));
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function suggest(state: IndexState, cache: SuggestionCache, query: string, limit: number): string[] {
  if (limit <= 0) return [];
  const analysis = analyzeQuery(query, state.glossary);
  const words = analysis.words.filter((word) => word.role !== 'stopword');
  // Distinct suggestions, in order, ignoring case and what was typed; we stop once `limit` are found.
  const typed = query.normalize('NFC').trim().toLowerCase();
  const unique = new Map<string, string>();
  const add = (suggestion: string): boolean => {
    const key = suggestion.toLowerCase();
    if (key !== typed && !unique.has(key)) unique.set(key, suggestion);
    return unique.size >= limit;
  };
  const result = () => [...unique.values()];

  // English phrases the glossary knows, as the corpus writes them in Vietnamese.
  for (const match of analysis.glossaryMatches) {
    for (const synonym of match.synonyms) {
      const synonymWords = searchTokens(synonym).map((token) => token.folded);
      const written = writtenInCorpus(state, cache, synonymWords);
      if (written && add(written)) return result();
    }
  }

  const options = words.map((word, i) => optionsForWord(state, word, words[i - 1]));
  if (words.length > 0 && options.every((list) => list.length > 0)) {
    // The best reading of every word, then the other readings of the word with most choice.
    const best = options.map((list) => list[0]!);
    const widest = options.reduce((wide, list, i) => (list.length > options[wide]!.length ? i : wide), 0);
    const readings = [best, ...options[widest]!.slice(1).map((option) => best.map((chosen, i) => (i === widest ? option : chosen)))];
    for (const reading of readings) {
      const readingWords = reading.map((option) => option.folded);
      const written = writtenInCorpus(state, cache, readingWords);
      const corrected = reading.some((option) => option.distance > 0 && option.distance < COMPLETION);
      if (written) {
        if (add(written)) return result();
      } else if (reading.length === 1 || corrected) {
        if (add(reading.map((option) => option.display).join(' '))) return result();
      }
    }
  } else {
    // Some word is nowhere near the corpus; still correct the words that are only misspelt.
    for (const list of options) {
      const correction = list[0];
      if (correction && correction.distance > 0 && correction.distance < COMPLETION && add(correction.display)) return result();
    }
  }
  return result();
}
