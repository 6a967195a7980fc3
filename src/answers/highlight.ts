// Finds the words of a quote to show in bold: those the query asked for, compared without marks,
// merged into one span when they sit side by side (`công nghiệp quốc phòng` is one bold run).

import type { Highlight } from './answer.ts';
import { SEARCH_TUNING } from '../search/passageIndex.ts';
import { type QueryWord, analyzeQuery, searchTokens } from '../search/vietnameseAnalyzer.ts';
import { BoundedMap } from '../text/boundedMap.ts';
import { editDistance } from '../text/editDistance.ts';
import { type Token, tokenize } from '../text/tokenize.ts';

export interface HighlightOptions {
  /** Phrases to bold wherever they occur whole, e.g. the glossary expansions a search used. */
  alsoMatch?: readonly string[];
}

/**
 * Offsets into `text` (an NFC quote, as every corpus quote is) of the runs of words that match
 * the query: its content words, the last one also by prefix, long ones also a typo away.
 */
export function highlightSpans(text: string, query: string, options: HighlightOptions = {}): Highlight[] {
  return createHighlighter(query, options)(text);
}

/**
 * The same as `highlightSpans`, with the query analysed once for many quotes (an answer bolds the
 * same words in every passage it shows); a quote word's verdict is remembered across quotes.
 */
export function createHighlighter(query: string, options: HighlightOptions = {}): (text: string) => Highlight[] {
  const analysis = analyzeQuery(query);
  const required = analysis.words.filter((word) => word.role === 'required');
  const runs = [
    // Bigrams also bold the optional words of an unmarked query: `dau tu` → `đầu tư`.
    ...analysis.bigrams.map((bigram) => [analysis.words[bigram.left]!.folded, analysis.words[bigram.right]!.folded]),
    ...(options.alsoMatch ?? []).map((phrase) => tokenize(phrase).map((token) => token.folded)),
  ];
  const queryStopwords = new Set(analysis.words.filter((word) => word.role === 'stopword').map((word) => word.folded));
  // Only a verdict that may take an edit distance is worth remembering: a quote word shorter than the
  // fuzzy length, or a query with no word that long, is judged by comparing strings, faster than a
  // lookup and without a map growing by every distinct word of twenty long quotes.
  const { minFuzzyLength } = SEARCH_TUNING;
  const mayBeFuzzy = required.some((word) => word.folded.length >= minFuzzyLength);
  const matchesByFolded = new Map<string, boolean>();
  const matchesRequired = (folded: string): boolean => {
    if (!mayBeFuzzy || folded.length < minFuzzyLength) return matchesSome(required, folded);
    let verdict = matchesByFolded.get(folded);
    if (verdict === undefined) {
      verdict = matchesSome(required, folded);
      // A highlighter kept for many answers (highlightName.ts) meets new words with every quote: bounded.
      if (matchesByFolded.size >= MAX_VERDICTS) matchesByFolded.clear();
      matchesByFolded.set(folded, verdict);
    }
    return verdict;
  };

  return (text: string): Highlight[] => {
    const tokens = tokensOf(text);
    if (tokens.length === 0) return [];
    const bold = boldScratch(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      // Search never matches a stopword of the quote on its own (they are not indexed): `dau` is
      // `đầu`, never `đâu`, unless the two words around it make a phrase.
      const token = tokens[i]!;
      if (!token.isStopword && matchesRequired(token.folded)) bold[i] = 1;
    }
    for (const run of runs) markRuns(tokens, run, bold);

    // A stopword the query itself used, between two bold words, joins them: `hợp tác với NATO`.
    for (let i = 1; i + 1 < tokens.length; i++) {
      const between = tokens[i]!;
      if (
        !bold[i] &&
        bold[i - 1] &&
        bold[i + 1] &&
        queryStopwords.has(between.folded) &&
        tokens[i - 1]!.adjacentToNext &&
        between.adjacentToNext
      ) {
        bold[i] = 1;
      }
    }

    const spans: Highlight[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!bold[i]) continue;
      const token = tokens[i]!;
      const last = spans[spans.length - 1];
      if (last && bold[i - 1] && tokens[i - 1]!.adjacentToNext) last.end = token.end;
      else spans.push({ start: token.start, end: token.end });
    }
    return spans;
  };
}

/** Quote words whose verdict one highlighter remembers, at most: the distinct long words of a few hundred quotes. */
const MAX_VERDICTS = 4096;

/**
 * One quote's bold marks, reused from quote to quote (bolding runs only on the thread that answers, one
 * quote at a time): a typed array made for every quote was a good part of bolding's garbage.
 */
let boldMarks = new Uint8Array(256);

function boldScratch(length: number): Uint8Array {
  if (boldMarks.length < length) boldMarks = new Uint8Array(Math.max(length, boldMarks.length * 2));
  boldMarks.fill(0, 0, length);
  return boldMarks;
}

/**
 * Quotes recently bolded, with their tokens: the same quotes come back with every page click and
 * every member asking about the same person, and tokenising them is most of bolding's cost and
 * garbage. Bounded (least recently used out): a quote's tokens weigh about 10 KB.
 */
const tokensByQuote = new BoundedMap<string, Token[]>(1_000);

function tokensOf(text: string): Token[] {
  let tokens = tokensByQuote.get(text);
  if (!tokens) tokensByQuote.set(text, (tokens = searchTokens(text)));
  return tokens;
}

function matchesSome(required: readonly QueryWord[], folded: string): boolean {
  for (let i = 0; i < required.length; i++) if (wordMatches(required[i]!, folded)) return true;
  return false;
}

function wordMatches(word: QueryWord, folded: string): boolean {
  if (folded === word.folded) return true;
  const { minPrefixLength, minFuzzyLength, twoEditsFromLength } = SEARCH_TUNING;
  if (word.stillTyping && word.folded.length >= minPrefixLength && folded.startsWith(word.folded)) return true;
  if (word.folded.length < minFuzzyLength || folded.length < minFuzzyLength) return false;
  return withinEdits(word.folded, folded, word.folded.length >= twoEditsFromLength ? 2 : 1);
}

/**
 * Marks every run of adjacent tokens whose folded forms are `words`, in order. Plain loops: a closure
 * per token position (as `words.every` made) was most of what bolding a quote allocated.
 */
function markRuns(tokens: readonly Token[], words: readonly string[], bold: Uint8Array): void {
  if (words.length === 0) return;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    let matches = true;
    for (let offset = 0; offset < words.length && matches; offset++) {
      matches = tokens[i + offset]!.folded === words[offset] && (offset === 0 || tokens[i + offset - 1]!.adjacentToNext);
    }
    if (matches) bold.fill(1, i, i + words.length);
  }
}

/** Levenshtein distance ≤ `maxEdits`, the same measure MiniSearch's fuzzy search uses. */
function withinEdits(a: string, b: string, maxEdits: number): boolean {
  return editDistance(a, b, maxEdits) <= maxEdits;
}
