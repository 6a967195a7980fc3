// The search itself: plan the query, find and score the candidates, then describe the hits a reply
// shows (coverage, matched and missing words, accents as typed) and what the glossary added.

import { findTopParagraphs } from './candidateTiers.ts';
import type { IndexState } from './indexState.ts';
import { articleAt, paragraphAt } from './documentParagraphs.ts';
import { planQuery } from './queryPlan.ts';
import { type MatchDetails, NO_WORDS, accentMultiplier, scoreParagraph, writtenWords } from './scoreParagraph.ts';
import type { PassageHit, SearchFilters, SearchMode, SearchOutcome, Translation } from './types.ts';
import type { QueryAnalysis } from './vietnameseAnalyzer.ts';
import type { Paragraph } from '../corpus/types.ts';

/** Candidates kept beyond the page: the hits are re-ranked (accents as typed) and, in the last resort, some dropped. */
const EXTRA_CANDIDATES = 20;

export function searchPassages(state: IndexState, query: string, filters: SearchFilters, limit: number, mode: SearchMode): SearchOutcome {
  try {
    return search(state, query, filters, limit, mode);
  } finally {
    state.postings.endQuery();
  }
}

function search(state: IndexState, query: string, filters: SearchFilters, limit: number, mode: SearchMode): SearchOutcome {
  const plan = planQuery(state, query, mode.partial ?? false);
  const queryTermsFolded = [...new Set(plan.words.map((word) => word.word.folded))];
  if (plan.words.length === 0 || limit <= 0) return { hits: [], queryTerms: queryTermsFolded };

  const top = findTopParagraphs(state, plan, filters, limit, limit + EXTRA_CANDIDATES, mode.enoughAnswers);
  const hits = top
    .flatMap(({ document, score }): PassageHit[] => {
      const article = articleAt(state, document)!;
      const paragraph = paragraphAt(state, document)!;
      const details: MatchDetails = { coverage: 0, matchedTerms: [], missing: [], byGlossary: [] };
      scoreParagraph(state, plan, document, details);
      // Reading the paragraph's words costs a tokenisation: only when a query word was typed with marks.
      const written = plan.words.some((word) => word.word.hasMarks) ? writtenWordsOf(state, document, paragraph) : NO_WORDS;
      let coverage = details.coverage;
      if (plan.partial) {
        // The last resort takes a word typed with marks as written: `giá` is not the `gia` of `tham gia`.
        plan.words.forEach((word, i) => {
          const { hasMarks, lower, text } = word.word;
          if (hasMarks && !written.has(lower) && !details.byGlossary.includes(i) && !details.missing.includes(text))
            details.missing.push(text);
        });
        coverage = 1 - details.missing.length / plan.words.length;
        if (coverage <= 0) return [];
      }
      const missing = distinct(details.missing);
      return [
        {
          articleId: article.id,
          paragraph: paragraph.number,
          score: score * accentMultiplier(plan, written),
          coverage,
          matchedTerms: distinct(details.matchedTerms),
          ...(missing.length > 0 ? { missing } : {}),
        },
      ];
    })
    // Partial matches: most words found first.
    .sort(
      (a, b) =>
        (plan.partial ? b.coverage - a.coverage : 0) ||
        b.score - a.score ||
        a.articleId.localeCompare(b.articleId) ||
        a.paragraph - b.paragraph,
    )
    .slice(0, limit);
  // The glossary phrases the query was widened with, so quotes can highlight them too.
  const expansions = [...new Set(plan.glossary.flatMap((entry) => entry.synonyms.map((synonym) => synonym.phrase)))];
  const translations = translationsOf(plan.analysis);
  return {
    hits,
    queryTerms: queryTermsFolded,
    ...(plan.partial ? { partial: true } : {}),
    ...(expansions.length > 0 ? { expansions } : {}),
    ...(translations.length > 0 ? { translations } : {}),
  };
}

/**
 * The list without repeats, in first-seen order (as a Set would give): a hit's few terms, compared in
 * place rather than through a Set made for each of the candidates kept.
 */
function distinct(list: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < list.length; i++) if (!kept.includes(list[i]!)) kept.push(list[i]!);
  return kept;
}

/** The English phrases of a query the glossary translated, as typed, with the Vietnamese searched for them. */
export function translationsOf(analysis: QueryAnalysis): Translation[] {
  const translations: Translation[] = [];
  for (const match of analysis.glossaryMatches) {
    if (!match.translation) continue;
    const first = analysis.words[match.first]!;
    const last = analysis.words[match.last]!;
    translations.push({ typed: analysis.text.slice(first.start, last.end), vietnamese: match.translation });
  }
  return translations;
}

/** {@link writtenWords} of a ranked paragraph, kept for the next queries that rank it. */
function writtenWordsOf(state: IndexState, document: number, paragraph: Paragraph): ReadonlySet<string> {
  let words = state.writtenWords.get(document);
  if (!words) state.writtenWords.set(document, (words = writtenWords(paragraph)));
  return words;
}
