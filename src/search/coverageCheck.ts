// A cheap test of whether a paragraph can answer a planned query at all, run before its full score.

import type { QueryPlan } from './queryPlan.ts';
import { SEARCH_TUNING } from './searchTuning.ts';

/**
 * Tier 3's quick refusal (see candidateTiers.ts). Most paragraphs its walk reaches hold one rare word of the query and too few
 * of the others to answer: 28,555 of the 31,385 scored for "ông Wi trao bức thư cho Rutte ở Amsterdam"
 * at 100k paragraphs, each given a full score (every word's frequency and BM25) only to be refused.
 * Counting the words a paragraph lacks, rarest first, and stopping at one too many refuses most of them
 * in a few lookups; the rest of scoreParagraph's rules (the rare words' share, a phrase or more words)
 * are then checked on what is known. It refuses only what scoreParagraph refuses: a word counts as
 * there whenever the paragraph contains it, a word a glossary phrase may stand for is never counted
 * missing, and the rarity share is summed in scoreParagraph's order over a superset of its words.
 */
export interface CoverageCheck {
  plan: QueryPlan;
  /** Indices of the words no glossary entry covers, rarest first (the likeliest to be missing). */
  order: number[];
  /** More missing words than this and the coverage is below SEARCH_TUNING.minCoverage. */
  allowedMisses: number;
  /** More missing words than this and only a phrase of the query can make the paragraph answer. */
  allowedMissesWithoutPhrase: number;
  /** Scratch: 1 for each word the paragraph being checked lacks. */
  missing: Uint8Array;
}

export function coverageCheckOf(plan: QueryPlan): CoverageCheck | undefined {
  // A last-resort search takes any paragraph with one word: nothing to refuse.
  if (plan.partial) return undefined;
  const { minCoverage, phraseOrCoverage } = SEARCH_TUNING;
  const wordCount = plan.words.length;
  const inGlossary = new Set(plan.glossary.flatMap((entry) => entry.wordIndices));
  const sizeOf = (i: number) => plan.words[i]!.matchers.reduce((sum, matcher) => sum + matcher.postings.size, 0);
  const order = plan.words.map((_, i) => i).filter((i) => !inGlossary.has(i));
  order.sort((a, b) => sizeOf(a) - sizeOf(b));
  const allowedMisses = wordCount - fewestCovered(wordCount, minCoverage);
  // A glossary phrase found also counts as a phrase: with one in the plan, this rule is left to scoreParagraph.
  const phraseRuleApplies = wordCount > 1 && plan.glossary.length === 0;
  const allowedMissesWithoutPhrase = phraseRuleApplies
    ? Math.min(allowedMisses, wordCount - fewestCovered(wordCount, phraseOrCoverage))
    : allowedMisses;
  return { plan, order, allowedMisses, allowedMissesWithoutPhrase, missing: new Uint8Array(wordCount) };
}

/** The fewest of `wordCount` words that reach `share`, by scoreParagraph's own comparison. */
function fewestCovered(wordCount: number, share: number): number {
  let covered = 0;
  while (covered < wordCount && !(covered / wordCount >= share)) covered++;
  return covered;
}

export function mayAnswer(check: CoverageCheck, document: number): boolean {
  const { plan, order, missing } = check;
  const { words } = plan;
  missing.fill(0);
  let misses = 0;
  for (let w = 0; w < order.length; w++) {
    const matchers = words[order[w]!]!.matchers;
    let found = false;
    for (let m = 0; m < matchers.length && !found; m++) found = matchers[m]!.postings.has(document);
    if (found) continue;
    missing[order[w]!] = 1;
    if (++misses > check.allowedMisses) return false;
  }
  if (misses === 0) return true;
  if (misses > check.allowedMissesWithoutPhrase) {
    let phrase = false;
    for (let b = 0; b < plan.bigrams.length && !phrase; b++) phrase = plan.bigrams[b]!.postings.has(document);
    if (!phrase) return false;
  }
  if (plan.totalIdf === 0) return true;
  let mostIdf = 0;
  for (let i = 0; i < words.length; i++) if (!missing[i]) mostIdf += words[i]!.idf;
  return mostIdf / plan.totalIdf >= SEARCH_TUNING.minWeightedCoverage;
}
