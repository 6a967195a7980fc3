// Scoring one paragraph against a planned query: BM25+ per matched term, the coverage rules that
// decide whether it answers at all, and the bonus for accents typed as written. The ranking lives here.

import type { Paragraph } from '../corpus/types.ts';
import type { IndexState } from './indexState.ts';
import type { TermPostings } from './postingColumns.ts';
import type { QueryPlan, SynonymPlan } from './queryPlan.ts';
import { SEARCH_TUNING } from './searchTuning.ts';
import { searchTokens } from './vietnameseAnalyzer.ts';

/** What a shown hit reports beside its score; filled only when asked (the hot path passes none). */
export interface MatchDetails {
  coverage: number;
  matchedTerms: string[];
  /** The required words, as typed, the paragraph does not contain. */
  missing: string[];
  /** Indices of the words found through the glossary (a synonym), not as themselves. */
  byGlossary: number[];
}

const { k: BM25_K, b: BM25_B, d: BM25_D } = SEARCH_TUNING.bm25;

/** k·(1 − b + b·length/averageLength) of the paragraph, BM25's length normalisation. */
export function lengthNormOf(state: IndexState, document: number): number {
  return BM25_K * (1 - BM25_B + (BM25_B * state.lengthByDocument[document]!) / state.averageLength);
}

/**
 * BM25+ for one term is `matcher.weight · matcher.idf · (BM25_D + frequency·(k + 1) / (frequency + lengthNorm))`,
 * `lengthNorm` from {@link lengthNormOf}. It is written out in each loop below rather than called: V8
 * did not inline the call, and a call passes and returns its numbers boxed, a heap object per matched
 * term of every paragraph scored (most of what a search allocated).
 */
const K_PLUS_ONE = BM25_K + 1;

export function hasAll(postingLists: readonly TermPostings[], document: number): boolean {
  for (let i = 0; i < postingLists.length; i++) if (!postingLists[i]!.has(document)) return false;
  return true;
}

/**
 * The paragraph's score, or -1 when it does not cover enough of the query to count as an answer.
 * This runs for every candidate, so it is written as plain loops without allocations.
 */
export function scoreParagraph(state: IndexState, plan: QueryPlan, document: number, details?: MatchDetails): number {
  const lengthNorm = lengthNormOf(state, document);
  const { covered, words } = plan;
  let score = 0;
  let phraseMatched = false;

  for (let i = 0; i < words.length; i++) {
    const matchers = words[i]!.matchers;
    let best = 0;
    let bestTerm = '';
    for (let j = 0; j < matchers.length; j++) {
      const matcher = matchers[j]!;
      const frequency = matcher.postings.frequencyIn(document);
      if (frequency === 0) continue;
      const candidate = matcher.weight * matcher.idf * (BM25_D + (frequency * K_PLUS_ONE) / (frequency + lengthNorm));
      if (candidate > best) {
        best = candidate;
        bestTerm = matcher.term;
      }
    }
    covered[i] = best > 0 ? 1 : 0;
    score += best;
    if (best > 0) details?.matchedTerms.push(bestTerm);
  }
  const { bigrams, glossary } = plan;
  for (let b = 0; b < bigrams.length; b++) {
    const bigram = bigrams[b]!;
    const frequency = bigram.postings.frequencyIn(document);
    if (frequency === 0) continue;
    score += bigram.weight * bigram.idf * (BM25_D + (frequency * K_PLUS_ONE) / (frequency + lengthNorm));
    phraseMatched = true;
    details?.matchedTerms.push(bigram.term);
  }
  for (let g = 0; g < glossary.length; g++) {
    const entry = glossary[g]!;
    let synonym: SynonymPlan | undefined;
    for (let i = 0; i < entry.synonyms.length && !synonym; i++) {
      const candidate = entry.synonyms[i]!;
      if (candidate.postingLists.length > 0 && hasAll(candidate.postingLists, document)) synonym = candidate;
    }
    if (!synonym) continue;
    for (let m = 0; m < synonym.matchers.length; m++) {
      const matcher = synonym.matchers[m]!;
      const frequency = matcher.postings.frequencyIn(document);
      score += matcher.weight * matcher.idf * (BM25_D + (frequency * K_PLUS_ONE) / (frequency + lengthNorm));
      details?.matchedTerms.push(matcher.term);
    }
    for (let w = 0; w < entry.wordIndices.length; w++) {
      const i = entry.wordIndices[w]!;
      if (details && !covered[i]) details.byGlossary.push(i);
      covered[i] = 1;
    }
    phraseMatched ||= synonym.isPhrase;
  }

  let coveredCount = 0;
  let coveredIdf = 0;
  for (let i = 0; i < words.length; i++) {
    if (!covered[i]) continue;
    coveredCount++;
    coveredIdf += words[i]!.idf;
  }
  const wordCount = words.length;
  const coverage = wordCount === 0 ? 0 : coveredCount / wordCount;
  const weightedCoverage = plan.totalIdf === 0 ? coverage : coveredIdf / plan.totalIdf;
  const { minCoverage, minWeightedCoverage, phraseOrCoverage } = SEARCH_TUNING;
  if (details) {
    for (let i = 0; i < wordCount; i++) if (!covered[i]) details.missing.push(words[i]!.word.text);
  }
  const answers = plan.partial
    ? coveredCount > 0
    : coverage >= minCoverage &&
      weightedCoverage >= minWeightedCoverage &&
      (wordCount <= 1 || phraseMatched || coverage >= phraseOrCoverage);
  if (!answers) return -1;
  if (details) details.coverage = coverage;
  // More of the query found beats the same words found more often.
  return score * coverage;
}

export const NO_WORDS: ReadonlySet<string> = new Set();

/** The paragraph's words, lowercase as written. */
export function writtenWords(paragraph: Paragraph): Set<string> {
  return new Set(searchTokens(paragraph.text).map((token) => token.text.toLowerCase()));
}

/** Bonus for paragraphs that contain the accented query words exactly as typed (`đầu`, not `đâu`). */
export function accentMultiplier(plan: QueryPlan, written: ReadonlySet<string>): number {
  const marked = plan.words.filter((word) => word.word.hasMarks);
  if (marked.length === 0) return 1;
  const exact = marked.filter((word) => written.has(word.word.lower)).length;
  return 1 + SEARCH_TUNING.accentBonus * (exact / marked.length);
}
