// Planning a query: which index terms satisfy each word the member typed (itself, the completions of a
// word still being typed, near spellings of a rare long word), which of its bigrams the corpus holds,
// and which glossary phrases may stand for some of its words. Each with its postings and rarity.

import type { IndexState } from './indexState.ts';
import type { TermPostings } from './postingColumns.ts';
import { SEARCH_TUNING } from './searchTuning.ts';
import {
  type QueryAnalysis,
  type QueryWord,
  BIGRAM_JOINER,
  analyzeQuery,
  isBigramTerm,
  termsFromTokens,
  searchTokens,
} from './vietnameseAnalyzer.ts';

export interface TermMatcher {
  term: string;
  postings: TermPostings;
  idf: number;
  weight: number;
}

/** One required query word and the index terms that satisfy it (itself, completions, near spellings). */
export interface WordPlan {
  word: QueryWord;
  matchers: TermMatcher[];
  /** Rarity of the word as typed, for weighted coverage. */
  idf: number;
}

export interface BigramPlan extends TermMatcher {
  /** The required words it joins (indices into `QueryPlan.words`), if any. */
  wordIndices: number[];
}

export interface SynonymPlan {
  /** As written in the glossary. */
  phrase: string;
  matchers: TermMatcher[];
  postingLists: TermPostings[];
  /** Two or more syllables: finding it is evidence of the phrase, like a bigram. */
  isPhrase: boolean;
}

export interface GlossaryPlan {
  /** Required words the glossary phrase stands for (indices into `QueryPlan.words`). */
  wordIndices: number[];
  /** Synonyms whose every term occurs somewhere in the corpus. */
  synonyms: SynonymPlan[];
}

export interface QueryPlan {
  analysis: QueryAnalysis;
  /** Any one word makes a paragraph count (see `SearchMode.partial`). */
  partial: boolean;
  words: WordPlan[];
  bigrams: BigramPlan[];
  glossary: GlossaryPlan[];
  totalIdf: number;
  /** Scratch: which words the paragraph being scored covers. */
  covered: Uint8Array;
}

function idfOf(state: IndexState, documentFrequency: number): number {
  const n = state.documentCount;
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

function matcherFor(state: IndexState, term: string, weight: number): TermMatcher | undefined {
  const postings = state.postings.postingsOf(term);
  if (!postings || postings.size === 0) return undefined;
  return { term, postings, idf: idfOf(state, postings.size), weight };
}

export function planQuery(state: IndexState, query: string, partial = false): QueryPlan {
  const analysis = analyzeQuery(query, state.glossary);
  const { weights } = SEARCH_TUNING;
  const planIndexOfWord = new Map<number, number>();
  const words: WordPlan[] = [];
  const requiredCount = analysis.words.filter((word) => word.role === 'required').length;
  analysis.words.forEach((word, wordIndex) => {
    if (word.role !== 'required') return;
    const exact = matcherFor(state, word.folded, weights.exact);
    // `công nghiệp qu`: the member is still typing a word too short to complete; wait for it.
    const unfinished = word.stillTyping && !exact && word.folded.length < SEARCH_TUNING.minPrefixLength;
    if (unfinished && requiredCount > 1) return;
    const matchers = exact ? [exact] : [];
    matchers.push(...completionsOf(state, word), ...nearSpellingsOf(state, word, exact?.postings.size ?? 0));
    planIndexOfWord.set(wordIndex, words.length);
    words.push({ word, matchers, idf: idfOf(state, exact?.postings.size ?? 0) });
  });

  const bigrams: BigramPlan[] = [];
  for (const bigram of analysis.bigrams) {
    const matcher = matcherFor(state, bigram.term, weights.bigram);
    if (!matcher) continue;
    const wordIndices = [bigram.left, bigram.right].flatMap((i) => (planIndexOfWord.has(i) ? [planIndexOfWord.get(i)!] : []));
    bigrams.push({ ...matcher, wordIndices });
  }

  const glossary: GlossaryPlan[] = analysis.glossaryMatches.flatMap((match) => {
    const wordIndices: number[] = [];
    for (let i = match.first; i <= match.last; i++) if (planIndexOfWord.has(i)) wordIndices.push(planIndexOfWord.get(i)!);
    const synonyms: SynonymPlan[] = [];
    for (const phrase of match.synonyms) {
      const tokens = searchTokens(phrase);
      // The last resort (`partial`) takes a synonym's words wherever they stand in the paragraph
      // (`trade negotiations` → `đàm phán về hiệp định thương mại`), not only as one phrase.
      const terms = [...new Set(termsFromTokens(tokens))].filter((term) => !partial || !isBigramTerm(term));
      const matchers = terms.map((term) => matcherFor(state, term, weights.synonym));
      if (matchers.length === 0 || matchers.some((matcher) => !matcher)) continue;
      // Finding a phrase needs only its bigrams and the syllables no bigram holds, checked rarest first: a
      // long name such as `Tổ chức Hiệp ước Bắc Đại Tây Dương` would otherwise cost 13 lookups per candidate.
      const found = matchers as TermMatcher[];
      const inBigrams = new Set(
        found.filter((matcher) => isBigramTerm(matcher.term)).flatMap((matcher) => matcher.term.split(BIGRAM_JOINER)),
      );
      const postingLists = found
        .filter((matcher) => !inBigrams.has(matcher.term))
        .map((matcher) => matcher.postings)
        .sort((a, b) => a.size - b.size);
      synonyms.push({ phrase, matchers: found, postingLists, isPhrase: tokens.filter((token) => !token.isStopword).length > 1 });
    }
    return wordIndices.length > 0 && synonyms.length > 0 ? [{ wordIndices, synonyms }] : [];
  });

  const totalIdf = words.reduce((sum, word) => sum + word.idf, 0);
  return { analysis, partial, words, bigrams, glossary, totalIdf, covered: new Uint8Array(words.length) };
}

/** Words the last query word may be the start of, while the member is still typing it. */
function completionsOf(state: IndexState, word: QueryWord): TermMatcher[] {
  if (!word.stillTyping || word.folded.length < SEARCH_TUNING.minPrefixLength) return [];
  const completions: TermMatcher[] = [];
  for (const term of state.vocabulary.atPrefix(word.folded).keys()) {
    if (term === word.folded) continue;
    const matcher = matcherFor(state, term, SEARCH_TUNING.weights.prefix);
    if (matcher) completions.push(matcher);
  }
  return completions.sort((a, b) => b.postings.size - a.postings.size).slice(0, SEARCH_TUNING.maxPrefixExpansions);
}

/** Corpus words one or two edits away from a long word the corpus (almost) never contains. */
function nearSpellingsOf(state: IndexState, word: QueryWord, exactFrequency: number): TermMatcher[] {
  const { minFuzzyLength, minFuzzyLengthForUnknownWord, fuzzyOnlyBelowDocumentFrequency, twoEditsFromLength, maxFuzzyExpansions, weights } =
    SEARCH_TUNING;
  const shortest = exactFrequency === 0 ? minFuzzyLengthForUnknownWord : minFuzzyLength;
  if (word.folded.length < shortest || exactFrequency >= fuzzyOnlyBelowDocumentFrequency) return [];
  const maxEdits = word.folded.length >= twoEditsFromLength ? 2 : 1;
  return [...state.vocabulary.fuzzyGet(word.folded, maxEdits)]
    .filter(([term]) => term !== word.folded)
    .sort((a, b) => a[1][1] - b[1][1])
    .slice(0, maxFuzzyExpansions)
    .flatMap(([term, [, edits]]) => {
      const matcher = matcherFor(state, term, edits <= 1 ? weights.fuzzyOneEdit : weights.fuzzyTwoEdits);
      return matcher ? [matcher] : [];
    });
}
