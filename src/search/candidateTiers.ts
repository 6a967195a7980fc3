// Finding the paragraphs worth scoring. Vietnamese syllables such as `hợp`, `tác`, `quốc` occur in most
// paragraphs, so scoring every syllable of every query is far too slow on a large corpus. Instead we
// walk the rarest posting list, check the other terms by lookup, and stop at the first tier that fills
// the page: whole phrase (bigrams) → every word → most words (coverage threshold).

import type { IndexState } from './indexState.ts';
import { documentsOfArticle } from './documentParagraphs.ts';
import type { TermPostings } from './postingColumns.ts';
import type { GlossaryPlan, QueryPlan, WordPlan } from './queryPlan.ts';
import { hasAll, scoreParagraph } from './scoreParagraph.ts';
import { SEARCH_TUNING } from './searchTuning.ts';
import { TopParagraphs } from './topParagraphs.ts';
import { type CoverageCheck, coverageCheckOf, mayAnswer } from './coverageCheck.ts';

const { k: BM25_K, b: BM25_B } = SEARCH_TUNING.bm25;
import type { SearchFilters } from './types.ts';

/**
 * Which paragraphs the running query has already scored, one slot per paragraph: a slot holding the
 * query's mark is scored, so starting a query costs one increment instead of clearing the array.
 */
export class ScoredParagraphs {
  private readonly marks: Uint32Array;
  private mark = 0;

  constructor(documentCount: number) {
    this.marks = new Uint32Array(documentCount);
  }

  startQuery(): void {
    this.mark = (this.mark + 1) >>> 0 || 1;
    if (this.mark === 1) this.marks.fill(0);
  }

  has(document: number): boolean {
    return this.marks[document] === this.mark;
  }

  add(document: number): void {
    this.marks[document] = this.mark;
  }
}

/** A condition on a paragraph: it contains every posting list of at least one alternative. */
type Requirement = TermPostings[][];

function costOf(requirement: Requirement): number {
  return requirement.reduce((sum, alternative) => sum + Math.min(...alternative.map((postings) => postings.size)), 0);
}

interface SearchRun {
  state: IndexState;
  plan: QueryPlan;
  accepts: (document: number) => boolean;
  top: TopParagraphs;
  examined: number;
  /** Where the walks of tiers 1 and 2 stop, in posting entries examined (the count runs on across tiers). */
  maxExamined: number;
  /** The same for the last tier's walk (tier 3). */
  maxExaminedInAny: number;
  /** Answers after which the walks stop (`SearchMode.enoughAnswers`); {@link NO_EARLY_STOP} for none. */
  enough: number;
  /** Each posting list is walked from its end, the last articles first (a search that stops early). */
  backwards: boolean;
}

/** A number of answers never reached: a small integer, as the counts it is compared with in hot loops. */
const NO_EARLY_STOP = 2 ** 31 - 1;

/**
 * The best `poolSize` paragraphs that answer the planned query and pass the filters, best first, each
 * with its score. Tiers run until one fills `limit`. With `enoughAnswers`, the walks go from the last
 * articles backwards and stop once that many paragraphs answered: the best of those, not of all.
 */
export function findTopParagraphs(
  state: IndexState,
  plan: QueryPlan,
  filters: SearchFilters,
  limit: number,
  poolSize: number,
  enoughAnswers?: number,
): ReadonlyArray<{ document: number; score: number }> {
  state.scored.startQuery();
  const { maxDocumentsExamined, maxDocumentsExaminedPartial, maxDocumentsExaminedEarlyStop } = SEARCH_TUNING;
  const stopsEarly = enoughAnswers !== undefined;
  const cap = (max: number) => (stopsEarly ? Math.min(max, maxDocumentsExaminedEarlyStop) : max);
  const run: SearchRun = {
    state,
    plan,
    accepts: filterFor(state, filters),
    top: new TopParagraphs(poolSize),
    examined: 0,
    maxExamined: cap(maxDocumentsExamined),
    maxExaminedInAny: cap(plan.partial ? maxDocumentsExaminedPartial : maxDocumentsExamined),
    enough: stopsEarly ? Math.max(1, Math.min(NO_EARLY_STOP, Math.floor(enoughAnswers))) : NO_EARLY_STOP,
    backwards: stopsEarly,
  };
  if (filters.articleId !== undefined) {
    // One article has few paragraphs: score them all.
    for (const document of documentsOfArticle(state, filters.articleId)) if (run.accepts(document)) scoreOnce(run, document);
  } else {
    const units = unitsOf(plan);
    const phrases = phraseRequirements(plan);
    if (phrases) scoreParagraphsMeetingAll(run, phrases);
    if (run.top.answered < limit) {
      const everyWord = units.map((unit) => unit.requirement);
      scoreParagraphsMeetingAll(run, everyWord);
    }
    if (run.top.answered < limit) scoreParagraphsWithEnoughWords(run, units, plan.partial ? 1 : undefined);
  }
  return run.top.entries();
}

function scoreOnce(run: SearchRun, document: number): void {
  const { scored } = run.state;
  if (scored.has(document)) return;
  scored.add(document);
  const score = scoreParagraph(run.state, run.plan, document);
  if (score >= 0) run.top.offer(document, score);
}

function meets(requirement: Requirement, document: number): boolean {
  for (let i = 0; i < requirement.length; i++) if (hasAll(requirement[i]!, document)) return true;
  return false;
}

/**
 * Scores every paragraph meeting all requirements, walking the cheapest requirement's postings.
 * Paragraphs are first ranked cheaply (how many of the query's bigrams they contain, then the walked
 * term's frequency, which comes free with the walk) and only the best `shortlistSize` get the full
 * score. Every candidate here contains every query word, so the full score mostly differs by phrases;
 * a common phrase can have tens of thousands of candidates.
 */
function scoreParagraphsMeetingAll(run: SearchRun, requirements: Requirement[]): void {
  if (requirements.length === 0 || requirements.some((requirement) => requirement.length === 0)) return;
  const [driver, ...others] = [...requirements].sort((a, b) => costOf(a) - costOf(b)) as [Requirement, ...Requirement[]];
  const { state } = run;
  const { scored, lengthByDocument, averageLength } = state;
  shortlisted.clear();
  const { bigrams } = run.plan;
  const { maxExamined, enough, backwards } = run;
  // Indexed, for the reason given in scoreParagraphsInAny.
  walk: for (let alternativeAt = 0; alternativeAt < driver.length; alternativeAt++) {
    const [rarest, ...rest] = [...driver[alternativeAt]!].sort((a, b) => a.size - b.size) as [TermPostings, ...TermPostings[]];
    const last = rarest.size - 1;
    for (let step = 0; step <= last; step++) {
      const at = backwards ? last - step : step;
      const document = rarest.documentAt(at);
      const frequency = rarest.frequencyAt(at);
      if (++run.examined > maxExamined || run.top.answered >= enough) break walk;
      if (scored.has(document) || !hasAll(rest, document) || !run.accepts(document)) continue;
      let meetsOthers = true;
      for (let i = 0; i < others.length && meetsOthers; i++) meetsOthers = meets(others[i]!, document);
      if (!meetsOthers) continue;
      scored.add(document);
      run.top.answered++;
      // Phrases found count most; among equals, the walked term's BM25 shape (0..1) decides.
      // The walked list holds the paragraph by definition: asking it again would, on a common phrase,
      // make it borrow (fill, then clear) a dense view as large as itself.
      let phrases = 0;
      for (let i = 0; i < bigrams.length; i++) {
        const postings = bigrams[i]!.postings;
        if (postings === rarest || postings.has(document)) phrases++;
      }
      // The length normalisation is lengthNormOf's, written out, and a paragraph that would not be kept
      // is never offered: a call passes its number boxed, one heap object per candidate of tens of thousands.
      const lengthNorm = BM25_K * (1 - BM25_B + (BM25_B * lengthByDocument[document]!) / averageLength);
      const cheapScore = phrases + frequency / (frequency + lengthNorm);
      if (shortlisted.isFull && cheapScore <= shortlisted.scores[shortlisted.size - 1]!) continue;
      shortlisted.offer(document, cheapScore);
    }
  }
  for (let rank = 0; rank < shortlisted.size; rank++) {
    const document = shortlisted.documentAt(rank);
    const score = scoreParagraph(state, run.plan, document);
    if (score >= 0) run.top.offer(document, score, false);
  }
}

/** The shortlist of {@link scoreParagraphsMeetingAll}, one for every search (they run one at a time). */
const shortlisted = new TopParagraphs(SEARCH_TUNING.shortlistSize);

/**
 * Scores every paragraph containing at least one of the given posting lists, after `check` (when given)
 * has not refused it.
 */
function scoreParagraphsInAny(run: SearchRun, postingLists: TermPostings[], check: CoverageCheck | undefined): void {
  const { scored } = run.state;
  const { maxExaminedInAny: maxExamined, enough, backwards } = run;
  // Indexed loops, no `for…of`: V8 compiles a long inner loop on the stack (OSR) before the outer
  // loop's iterator has run to its end, and that code then bailed out at the iterator's next step on
  // every later call (60 to 1,300 bailouts in a few thousand queries, the walk then run interpreted).
  for (let list = 0; list < postingLists.length; list++) {
    const postings = postingLists[list]!;
    const { size } = postings;
    for (let step = 0; step < size; step++) {
      const document = postings.documentAt(backwards ? size - 1 - step : step);
      if (++run.examined > maxExamined || run.top.answered >= enough) return;
      if (scored.has(document) || !run.accepts(document)) continue;
      if (check !== undefined && !mayAnswer(check, document)) scored.add(document);
      else scoreOnce(run, document);
    }
  }
}

function wordRequirement(word: WordPlan): Requirement {
  return word.matchers.map((matcher) => [matcher.postings]);
}

function glossaryRequirement(plan: QueryPlan, entry: GlossaryPlan): Requirement {
  const literal = entry.wordIndices.map(
    (i) => plan.words[i]!.matchers.find((matcher) => matcher.weight === SEARCH_TUNING.weights.exact)?.postings,
  );
  const requirement: Requirement = entry.synonyms.map((synonym) => synonym.postingLists);
  if (literal.length > 0 && literal.every(Boolean)) requirement.push(literal as TermPostings[]);
  return requirement;
}

interface Unit {
  requirement: Requirement;
  /** Required words the unit stands for. */
  wordCount: number;
  postingLists: TermPostings[];
}

/** Tier 2: every word, or glossary phrase standing for several words, as one condition. */
function unitsOf(plan: QueryPlan): Unit[] {
  const inGlossary = new Set(plan.glossary.flatMap((entry) => entry.wordIndices));
  const units: Unit[] = plan.glossary.map((entry) => ({
    requirement: glossaryRequirement(plan, entry),
    wordCount: entry.wordIndices.length,
    postingLists: [
      ...entry.synonyms.map((synonym) => [...synonym.matchers].sort((a, b) => a.postings.size - b.postings.size)[0]!.postings),
      ...entry.wordIndices.flatMap((i) => plan.words[i]!.matchers.map((matcher) => matcher.postings)),
    ],
  }));
  plan.words.forEach((word, i) => {
    if (inGlossary.has(i)) return;
    units.push({ requirement: wordRequirement(word), wordCount: 1, postingLists: word.matchers.map((matcher) => matcher.postings) });
  });
  return units;
}

/** Tier 1: the query's phrases as phrases: every bigram, plus the words no bigram covers. */
function phraseRequirements(plan: QueryPlan): Requirement[] | undefined {
  if (plan.bigrams.length === 0) return undefined;
  const inBigram = new Set(plan.bigrams.flatMap((bigram) => bigram.wordIndices));
  const inGlossary = new Set(plan.glossary.flatMap((entry) => entry.wordIndices));
  const requirements: Requirement[] = plan.glossary.map((entry) => glossaryRequirement(plan, entry));
  for (const bigram of plan.bigrams) {
    if (!bigram.wordIndices.some((i) => inGlossary.has(i))) requirements.push([[bigram.postings]]);
  }
  plan.words.forEach((word, i) => {
    if (!inBigram.has(i) && !inGlossary.has(i)) requirements.push(wordRequirement(word));
  });
  return requirements;
}

/**
 * Tier 3: paragraphs with enough of the words. A paragraph covering `need` of `n` words misses at
 * most `n - need`, so it must contain one of any `n - need + 1` words: walking the postings of
 * the rarest such words finds every candidate without touching the common ones.
 */
function scoreParagraphsWithEnoughWords(
  run: SearchRun,
  units: Unit[],
  need = Math.ceil(SEARCH_TUNING.minCoverage * run.plan.words.length - 1e-9),
): void {
  const wordCount = run.plan.words.length;
  let toCover = wordCount - need + 1;
  const byCost = [...units].sort((a, b) => costOf(a.requirement) - costOf(b.requirement));
  const postingLists: TermPostings[] = [];
  for (const unit of byCost) {
    if (toCover <= 0) break;
    postingLists.push(...unit.postingLists);
    toCover -= unit.wordCount;
  }
  if (toCover > 0) return;
  scoreParagraphsInAny(
    run,
    postingLists.sort((a, b) => a.size - b.size),
    coverageCheckOf(run.plan),
  );
}

function filterFor(state: IndexState, filters: SearchFilters): (document: number) => boolean {
  const { year, month, articleId } = filters;
  const { shownByDocument, yearByDocument, monthByDocument, articles, articleOfDocument } = state;
  if (year === undefined && month === undefined && articleId === undefined) return (document) => shownByDocument[document] === 1;
  return (document) =>
    shownByDocument[document] === 1 &&
    (year === undefined || yearByDocument[document] === year) &&
    (month === undefined || monthByDocument[document] === month) &&
    (articleId === undefined || articles[articleOfDocument[document]!]!.id === articleId);
}
