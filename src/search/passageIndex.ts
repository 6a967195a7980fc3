// Finds the paragraphs that answer a query. The postings (which paragraph holds which term, how often)
// are flat columns searched in place (postingColumns.ts); MiniSearch's radix tree holds the vocabulary,
// where it earns its keep: completing a half-typed word and finding near spellings. Saved indexes are
// still MiniSearch's own format (`toJSON`). This module plans each query itself:
// Vietnamese syllables such as `hợp`, `tác`, `quốc` occur in most paragraphs, so scoring every
// syllable of every query is far too slow on a large corpus. Instead we walk the
// rarest posting list, check the other terms by lookup, and stop at the first tier that fills the
// page: whole phrase (bigrams) → every word → most words (coverage threshold).

import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Article, GlossaryEntry, Paragraph } from '../corpus/types.ts';
import type { PassageHit, PassageIndex, SearchFilters, SearchMode, SearchOutcome, Translation } from './types.ts';
import { searchGlossary } from './searchGlossary.ts';
import {
  type PassageIndexColumns,
  type PostingColumns,
  type PostingLookup,
  PostingColumnsBuilder,
  type TermPostings,
  indexPostingColumns,
} from './postingColumns.ts';
import {
  type CompiledGlossary,
  type QueryAnalysis,
  type QueryWord,
  type Token,
  analyzeQuery,
  hyphenGroups,
  termsFromTokens,
  tokenize,
  indexTerms,
  queryTerms,
  bigramTerm,
  BIGRAM_JOINER,
  isBigramTerm,
} from './vietnameseAnalyzer.ts';

export type { PassageIndexColumns } from './postingColumns.ts';

/** When a paragraph counts as an answer, and how matches are weighed. */
export const SEARCH_TUNING = {
  /** Share of the query's required words a paragraph must contain. */
  minCoverage: 0.6,
  /** The same share weighted by rarity (idf): missing the rare word of a query is worse. */
  minWeightedCoverage: 0.5,
  /** Multi-word queries need a matched phrase (bigram, glossary phrase) or this much coverage. */
  phraseOrCoverage: 0.8,
  /** Prefix matching applies to the last word only, once it has this many letters. */
  minPrefixLength: 3,
  maxPrefixExpansions: 20,
  /** Fuzzy matching applies to words this long that the corpus (almost) never contains. */
  minFuzzyLength: 6,
  /** A word the corpus never contains is a typo worth correcting from this length (`nghep` → `nghiệp`). */
  minFuzzyLengthForUnknownWord: 5,
  fuzzyOnlyBelowDocumentFrequency: 3,
  /** Words this long may be two edits away (`Stoltenbreg` → `Stoltenberg`), shorter ones one. */
  twoEditsFromLength: 9,
  maxFuzzyExpansions: 10,
  weights: { exact: 1, prefix: 0.5, fuzzyOneEdit: 0.6, fuzzyTwoEdits: 0.4, bigram: 1.5, synonym: 0.8 },
  /** Score bonus for a passage that matches every accented query word with its marks. */
  accentBonus: 0.25,
  /** Paragraphs containing the whole phrase that get a full score (see `scoreParagraphsMeetingAll`). */
  shortlistSize: 200,
  /** Posting entries examined per query at most; keeps p99 bounded on very common phrases. */
  maxDocumentsExamined: 30_000,
  /** The same for the last resort (`partial`), which walks the rarest words' paragraphs first. */
  maxDocumentsExaminedPartial: 5_000,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
} as const;

const DEFAULT_LIMIT = 10;
const DEFAULT_SUGGESTIONS = 5;

/** What MiniSearch stores per paragraph: only its id (`articleId#number`) and, while adding, its text. */
export interface ParagraphDocument {
  id: string;
  text: string;
}

/** The MiniSearch options of a passage index; pass them to `MiniSearch.loadJSON` to reload one. */
export const PASSAGE_INDEX_OPTIONS: Options<ParagraphDocument> = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize: (text) => indexTerms(text),
  processTerm: (term) => term,
  searchOptions: { tokenize: (text) => queryTerms(text), processTerm: (term) => term },
};

export function paragraphDocumentId(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

/** A passage index that can also be saved, to skip rebuilding it at the next start. */
export interface SavablePassageIndex extends PassageIndex {
  toJSON(): SavedPassageIndex;
  /**
   * The index as flat columns, for the library cache (see {@link loadPassageIndexColumns}). They are the
   * index's own arrays, not copies: transferring them to another thread leaves this index unusable.
   */
  toColumns(): PassageIndexColumns;
}

export interface SavedPassageIndex {
  version: 1;
  miniSearch: AsPlainObject;
  /** Folded word → the form to display (`stoltenberg` → `Stoltenberg`). */
  vocabulary: Array<[folded: string, display: string]>;
}

export function buildPassageIndex(articles: readonly Article[], glossary: readonly GlossaryEntry[] = []): SavablePassageIndex {
  const displayVotes = new Map<string, DisplayVote>();
  const postings = new PostingColumnsBuilder();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const tokens = tokenize(paragraph.text);
      recordDisplayForms(paragraph.text, tokens, displayVotes);
      postings.add(paragraphDocumentId(article.id, paragraph.number), termsFromTokens(tokens));
    }
  }
  const vocabulary = new SearchableMap<string>();
  for (const [folded, vote] of displayVotes) vocabulary.set(folded, vote.display);
  return runToEnd(createPassageIndexSteps(postings.finish(), vocabulary, articles, glossary));
}

/** Reloads a saved index; `articles` must be the ones it was built from (text is read from them). */
export function loadPassageIndex(
  saved: SavedPassageIndex | string,
  articles: readonly Article[],
  glossary: readonly GlossaryEntry[] = [],
): SavablePassageIndex {
  const data: SavedPassageIndex = typeof saved === 'string' ? JSON.parse(saved) : saved;
  if (data.version !== 1) throw new Error(`cannot load a passage index of version ${String(data.version)}`);
  const miniSearch = MiniSearch.loadJS<ParagraphDocument>(data.miniSearch, PASSAGE_INDEX_OPTIONS);
  return runToEnd(createPassageIndexSteps(postingColumnsOf(miniSearch), data.vocabulary, articles, glossary));
}

/**
 * Rebuilds an index from {@link PassageIndexColumns}; `articles` must be the ones it was built from.
 * `checkpoint` is called every few thousand entries; when it returns a promise, loading waits for
 * it (the caller's chance to let the event loop run). Throws on columns that do not fit together.
 * The postings are used in place, not copied.
 */
export async function loadPassageIndexColumns(
  columns: PassageIndexColumns,
  articles: readonly Article[],
  glossary: readonly GlossaryEntry[] = [],
  checkpoint?: () => Promise<void> | undefined,
): Promise<SavablePassageIndex> {
  const { vocabulary, ...postingColumns } = columns;
  const steps = createPassageIndexSteps(postingColumns, vocabulary, articles, glossary);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = checkpoint?.();
    if (wait) await wait;
  }
}

function runToEnd<Result>(steps: Generator<void, Result, void>): Result {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
// ---------------------------------------------------------------------------------------------
// How each word is written, for suggestions

interface DisplayVote {
  display: string;
  votes: number;
}

/**
 * Keeps, per folded word, the spelling most often seen (a majority vote in constant memory),
 * preferring lowercase so a word that merely starts a sentence is shown as `công`, not `Công`.
 */
function recordDisplayForms(text: string, tokens: readonly Token[], votes: Map<string, DisplayVote>): void {
  const vote = (folded: string, written: string) => {
    const current = votes.get(folded);
    if (!current) return void votes.set(folded, { display: written, votes: 1 });
    if (current.display === written) return void current.votes++;
    const lower = written.toLowerCase();
    if (current.display.toLowerCase() === lower) {
      current.votes++;
      if (written === lower) current.display = written;
    } else if (--current.votes <= 0) {
      votes.set(folded, { display: written, votes: 1 });
    }
  };
  for (const token of tokens) {
    if (!token.isStopword && !DIGITS_ONLY.test(token.text)) vote(token.folded, token.text);
  }
  for (const [first, last] of hyphenGroups(tokens)) {
    const parts = tokens.slice(first, last + 1);
    vote(parts.map((part) => part.folded).join(''), text.slice(parts[0]!.start, parts[parts.length - 1]!.end));
  }
}

const DIGITS_ONLY = /^\p{N}+$/u;


// ---------------------------------------------------------------------------------------------
// MiniSearch's format, for `toJSON` and `loadPassageIndex`

/**
 * The parts of MiniSearch we fill or read (v7; protected, not public API), to convert between its
 * saved form and our columns. `passageIndex.test.ts` fails loudly if a MiniSearch upgrade moves them.
 */
interface MiniSearchInternals {
  _index: SearchableMap<Map<number, Map<number, number>>>;
  _fieldIds: Record<string, number | undefined>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _documentCount: number;
  _nextId: number;
}

function internalsOf(miniSearch: MiniSearch<ParagraphDocument>): MiniSearchInternals {
  const internals = miniSearch as unknown as MiniSearchInternals;
  // (MiniSearch bundles its own copy of SearchableMap, so `instanceof` cannot be used here.)
  const looksRight =
    internals._fieldIds?.text !== undefined &&
    typeof internals._index?.get === 'function' &&
    internals._documentIds instanceof Map &&
    internals._idToShortId instanceof Map &&
    internals._fieldLength instanceof Map &&
    Array.isArray(internals._avgFieldLength);
  if (!looksRight) throw new Error('passage index: this MiniSearch version stores its index differently; update passageIndex.ts');
  return internals;
}

/** A MiniSearch holding exactly our postings, the state `MiniSearch.add` would produce (a test checks it). */
function miniSearchOf(columns: PostingColumns): MiniSearch<ParagraphDocument> {
  const { documentIds, fieldLengths, terms, termEnds, documents, frequencies } = columns;
  const miniSearch = new MiniSearch<ParagraphDocument>(PASSAGE_INDEX_OPTIONS);
  const internals = internalsOf(miniSearch);
  const fieldId = internals._fieldIds.text!;
  documentIds.forEach((id, shortId) => {
    internals._documentIds.set(shortId, id);
    internals._idToShortId.set(id, shortId);
    internals._fieldLength.set(shortId, Object.assign([], { [fieldId]: fieldLengths[shortId]! }));
  });
  let start = 0;
  terms.forEach((term, termIndex) => {
    const end = termEnds[termIndex]!;
    const postings = new Map<number, number>();
    for (let i = start; i < end; i++) postings.set(documents[i]!, frequencies[i]!);
    internals._index.set(term, new Map([[fieldId, postings]]));
    start = end;
  });
  internals._documentCount = documentIds.length;
  internals._nextId = documentIds.length;
  internals._avgFieldLength[fieldId] = columns.averageLength;
  return miniSearch;
}

/** The postings of a MiniSearch (one loaded from `toJSON`) as columns. */
function postingColumnsOf(miniSearch: MiniSearch<ParagraphDocument>): PostingColumns {
  const internals = internalsOf(miniSearch);
  const fieldId = internals._fieldIds.text!;
  const count = internals._nextId;
  // Our indexes are built whole, never edited: short ids run 0..n-1 without holes.
  if (internals._documentCount !== count) throw new Error('passage index: cannot load an index with removed paragraphs');
  const documentIds: string[] = new Array(count);
  const fieldLengths = new Uint32Array(count);
  for (let shortId = 0; shortId < count; shortId++) {
    const id = internals._documentIds.get(shortId);
    if (id === undefined) throw new Error(`passage index: paragraph ${shortId} is missing`);
    documentIds[shortId] = id;
    fieldLengths[shortId] = internals._fieldLength.get(shortId)?.[fieldId] ?? 0;
  }
  const terms: string[] = [];
  const postingLists: Array<Map<number, number>> = [];
  let total = 0;
  for (const [term, fields] of internals._index) {
    const postings = fields.get(fieldId);
    if (!postings) continue;
    terms.push(term);
    postingLists.push(postings);
    total += postings.size;
  }
  const termEnds = new Uint32Array(terms.length);
  const documents = new Uint32Array(total);
  const frequencies = new Uint32Array(total);
  let end = 0;
  postingLists.forEach((postings, termIndex) => {
    // Lookups search each list by halves: ascending paragraphs.
    for (const document of [...postings.keys()].sort((a, b) => a - b)) {
      documents[end] = document;
      frequencies[end++] = postings.get(document)!;
    }
    termEnds[termIndex] = end;
  });
  const averageLength = internals._avgFieldLength[fieldId] ?? 0;
  return { documentIds, fieldLengths, averageLength, terms, termEnds, documents, frequencies };
}

// ---------------------------------------------------------------------------------------------
// The index's state

/** Entries handled between two yields of {@link createPassageIndexSteps}. */
const STEP_SIZE = 1024;

interface IndexedParagraph {
  article: Article;
  paragraph: Paragraph;
}

interface IndexState {
  postings: PostingLookup;
  documentCount: number;
  paragraphs: Array<IndexedParagraph | undefined>;
  /** Per paragraph, what the filters ask (1 when the paragraph is shown), read on every candidate. */
  shownByDocument: Uint8Array;
  yearByDocument: Int32Array;
  monthByDocument: Int32Array;
  lengthByDocument: Uint32Array;
  averageLength: number;
  documentsByArticle: Map<string, number[]>;
  vocabulary: SearchableMap<string>;
  glossary: CompiledGlossary;
  /** Marks documents already scored by the running query: `scoredMark[doc] === queryMark`. */
  scoredMark: Uint32Array;
  queryMark: number;
}

/** The paragraph a document id (`articleId#number`, see {@link paragraphDocumentId}) names, if any. */
function paragraphOf(documentId: string, articleById: ReadonlyMap<string, Article>): IndexedParagraph | undefined {
  const hash = documentId.lastIndexOf('#');
  const article = articleById.get(documentId.slice(0, hash));
  if (hash < 0 || !article) return undefined;
  const number = Number(documentId.slice(hash + 1));
  const paragraph = article.paragraphs[number - 1]?.number === number ? article.paragraphs[number - 1] : article.paragraphs.find((candidate) => candidate.number === number);
  return paragraph && paragraphDocumentId(article.id, paragraph.number) === documentId ? { article, paragraph } : undefined;
}

/** Makes the index in steps: it yields every few thousand entries, so a loader can pause. */
function* createPassageIndexSteps(
  columns: PostingColumns,
  vocabularyOrEntries: SearchableMap<string> | ReadonlyArray<[folded: string, display: string]>,
  articles: readonly Article[],
  glossaryEntries: readonly GlossaryEntry[],
): Generator<void, SavablePassageIndex, void> {
  const postings = yield* indexPostingColumns(columns);
  let vocabulary: SearchableMap<string>;
  if (Array.isArray(vocabularyOrEntries)) {
    // As `SearchableMap.from` does, in slices.
    vocabulary = new SearchableMap<string>();
    let done = 0;
    for (const [folded, display] of vocabularyOrEntries) {
      vocabulary.set(folded, display);
      if (++done % STEP_SIZE === 0) yield;
    }
  } else {
    vocabulary = vocabularyOrEntries as SearchableMap<string>;
  }
  const articleById = new Map<string, Article>();
  for (const article of articles) articleById.set(article.id, article);
  const size = columns.documentIds.length;
  // Filled by push: `new Array(size)` of 100k or more is a slow dictionary in V8.
  const paragraphs: Array<IndexedParagraph | undefined> = [];
  const shownByDocument = new Uint8Array(size);
  const yearByDocument = new Int32Array(size);
  const monthByDocument = new Int32Array(size);
  const documentsByArticle = new Map<string, number[]>();
  for (let shortId = 0; shortId < size; shortId++) {
    const indexed = paragraphOf(columns.documentIds[shortId]!, articleById);
    paragraphs.push(indexed);
    if (shortId % STEP_SIZE === STEP_SIZE - 1) yield;
    if (!indexed) continue; // an index built from other articles: that paragraph is not shown
    shownByDocument[shortId] = 1;
    yearByDocument[shortId] = indexed.article.date.year;
    monthByDocument[shortId] = indexed.article.date.month;
    const list = documentsByArticle.get(indexed.article.id) ?? [];
    list.push(shortId);
    documentsByArticle.set(indexed.article.id, list);
  }
  const state: IndexState = {
    postings,
    documentCount: size,
    paragraphs,
    shownByDocument,
    yearByDocument,
    monthByDocument,
    lengthByDocument: columns.fieldLengths,
    averageLength: columns.averageLength,
    documentsByArticle,
    vocabulary,
    // The built-in news glossary and the language's own synonyms always apply, after the corpus's glossary.
    glossary: searchGlossary(glossaryEntries),
    scoredMark: new Uint32Array(size),
    queryMark: 0,
  };
  return {
    search: (query, filters = {}, limit = DEFAULT_LIMIT, mode = {}) => {
      try {
        return search(state, query, filters, limit, mode);
      } finally {
        postings.denseViews.returnAll();
      }
    },
    suggest: (query, limit = DEFAULT_SUGGESTIONS) => suggest(state, query, limit),
    translate: (text) => translationsOf(analyzeQuery(text, state.glossary)),
    toJSON: () => ({ version: 1, miniSearch: miniSearchOf(columns).toJSON(), vocabulary: [...vocabulary.entries()] }),
    toColumns: () => ({ ...columns, vocabulary: [...vocabulary.entries()] }),
  };
}

// ---------------------------------------------------------------------------------------------
// Planning a query

interface TermMatcher {
  term: string;
  postings: TermPostings;
  idf: number;
  weight: number;
}

/** One required query word and the index terms that satisfy it (itself, completions, near spellings). */
interface WordPlan {
  word: QueryWord;
  matchers: TermMatcher[];
  /** Rarity of the word as typed, for weighted coverage. */
  idf: number;
}

interface BigramPlan extends TermMatcher {
  /** The required words it joins (indices into `QueryPlan.words`), if any. */
  wordIndices: number[];
}

interface SynonymPlan {
  /** As written in the glossary. */
  phrase: string;
  matchers: TermMatcher[];
  postingLists: TermPostings[];
  /** Two or more syllables: finding it is evidence of the phrase, like a bigram. */
  isPhrase: boolean;
}

interface GlossaryPlan {
  /** Required words the glossary phrase stands for (indices into `QueryPlan.words`). */
  wordIndices: number[];
  /** Synonyms whose every term occurs somewhere in the corpus. */
  synonyms: SynonymPlan[];
}

interface QueryPlan {
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

function planQuery(state: IndexState, query: string, partial = false): QueryPlan {
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
      const tokens = tokenize(phrase);
      // The last resort (`partial`) takes a synonym's words wherever they stand in the paragraph
      // (`trade negotiations` → `đàm phán về hiệp định thương mại`), not only as one phrase.
      const terms = [...new Set(termsFromTokens(tokens))].filter((term) => !partial || !isBigramTerm(term));
      const matchers = terms.map((term) => matcherFor(state, term, weights.synonym));
      if (matchers.length === 0 || matchers.some((matcher) => !matcher)) continue;
      // Finding a phrase needs only its bigrams and the syllables no bigram holds, checked rarest first: a
      // long name such as `Tổ chức Hiệp ước Bắc Đại Tây Dương` would otherwise cost 13 lookups per candidate.
      const found = matchers as TermMatcher[];
      const inBigrams = new Set(found.filter((matcher) => isBigramTerm(matcher.term)).flatMap((matcher) => matcher.term.split(BIGRAM_JOINER)));
      const postingLists = found.filter((matcher) => !inBigrams.has(matcher.term)).map((matcher) => matcher.postings).sort((a, b) => a.size - b.size);
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

// ---------------------------------------------------------------------------------------------
// Scoring one paragraph

interface MatchDetails {
  coverage: number;
  matchedTerms: string[];
  /** The required words, as typed, the paragraph does not contain. */
  missing: string[];
  /** Indices of the words found through the glossary (a synonym), not as themselves. */
  byGlossary: number[];
}

const { k: BM25_K, b: BM25_B, d: BM25_D } = SEARCH_TUNING.bm25;

/** BM25+ for one term; `lengthNorm` is k·(1 − b + b·length/averageLength) of the paragraph. */
function termScore(matcher: TermMatcher, frequency: number, lengthNorm: number): number {
  return matcher.weight * matcher.idf * (BM25_D + (frequency * (BM25_K + 1)) / (frequency + lengthNorm));
}

/**
 * The paragraph's score, or -1 when it does not cover enough of the query to count as an answer.
 * This runs for every candidate, so it is written as plain loops without allocations.
 */
function scoreParagraph(state: IndexState, plan: QueryPlan, document: number, details?: MatchDetails): number {
  const lengthNorm = BM25_K * (1 - BM25_B + (BM25_B * state.lengthByDocument[document]!) / state.averageLength);
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
      const candidate = termScore(matcher, frequency, lengthNorm);
      if (candidate > best) {
        best = candidate;
        bestTerm = matcher.term;
      }
    }
    covered[i] = best > 0 ? 1 : 0;
    score += best;
    if (best > 0) details?.matchedTerms.push(bestTerm);
  }
  for (const bigram of plan.bigrams) {
    const frequency = bigram.postings.frequencyIn(document);
    if (frequency === 0) continue;
    score += termScore(bigram, frequency, lengthNorm);
    phraseMatched = true;
    details?.matchedTerms.push(bigram.term);
  }
  for (const entry of plan.glossary) {
    let synonym: SynonymPlan | undefined;
    for (let i = 0; i < entry.synonyms.length && !synonym; i++) {
      const candidate = entry.synonyms[i]!;
      if (candidate.postingLists.length > 0 && hasAll(candidate.postingLists, document)) synonym = candidate;
    }
    if (!synonym) continue;
    for (const matcher of synonym.matchers) {
      score += termScore(matcher, matcher.postings.frequencyIn(document), lengthNorm);
      details?.matchedTerms.push(matcher.term);
    }
    for (const i of entry.wordIndices) {
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
    : coverage >= minCoverage && weightedCoverage >= minWeightedCoverage && (wordCount <= 1 || phraseMatched || coverage >= phraseOrCoverage);
  if (!answers) return -1;
  if (details) details.coverage = coverage;
  // More of the query found beats the same words found more often.
  return score * coverage;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** The paragraph's words, lowercase as written. */
function writtenWords(paragraph: Paragraph): Set<string> {
  return new Set(tokenize(paragraph.text).map((token) => token.text.toLowerCase()));
}

/** Bonus for paragraphs that contain the accented query words exactly as typed (`đầu`, not `đâu`). */
function accentMultiplier(plan: QueryPlan, written: ReadonlySet<string>): number {
  const marked = plan.words.filter((word) => word.word.hasMarks);
  if (marked.length === 0) return 1;
  const exact = marked.filter((word) => written.has(word.word.lower)).length;
  return 1 + SEARCH_TUNING.accentBonus * (exact / marked.length);
}

// ---------------------------------------------------------------------------------------------
// Finding candidates

/** A condition on a paragraph: it contains every posting list of at least one alternative. */
type Requirement = TermPostings[][];

function costOf(requirement: Requirement): number {
  return requirement.reduce((sum, alternative) => sum + Math.min(...alternative.map((postings) => postings.size)), 0);
}

class TopParagraphs {
  readonly entries: Array<{ document: number; score: number }> = [];
  answered = 0;
  constructor(private readonly capacity: number) {}

  offer(document: number, score: number, counts = true): void {
    if (counts) this.answered++;
    const { entries } = this;
    if (entries.length === this.capacity && score <= entries[entries.length - 1]!.score) return;
    let at = entries.length;
    while (at > 0 && entries[at - 1]!.score < score) at--;
    entries.splice(at, 0, { document, score });
    if (entries.length > this.capacity) entries.pop();
  }
}

interface SearchRun {
  state: IndexState;
  plan: QueryPlan;
  accepts: (document: number) => boolean;
  top: TopParagraphs;
  examined: number;
}

function scoreOnce(run: SearchRun, document: number): void {
  const { state } = run;
  if (state.scoredMark[document] === state.queryMark) return;
  state.scoredMark[document] = state.queryMark;
  const score = scoreParagraph(state, run.plan, document);
  if (score >= 0) run.top.offer(document, score);
}

function hasAll(postingLists: readonly TermPostings[], document: number): boolean {
  for (let i = 0; i < postingLists.length; i++) if (!postingLists[i]!.has(document)) return false;
  return true;
}

function meets(requirement: Requirement, document: number): boolean {
  for (let i = 0; i < requirement.length; i++) if (hasAll(requirement[i]!, document)) return true;
  return false;
}

/**
 * Scores every paragraph meeting all requirements, walking the cheapest requirement's postings.
 * With `shortlist`, paragraphs are first ranked cheaply (how many of the query's bigrams they
 * contain, then the walked term's frequency, which comes free with the walk) and only the best
 * `shortlistSize` get the full score. Every candidate here contains every query word, so the full
 * score mostly differs by phrases; a common phrase can have tens of thousands of candidates.
 */
function scoreParagraphsMeetingAll(run: SearchRun, requirements: Requirement[], shortlist = false): void {
  if (requirements.length === 0 || requirements.some((requirement) => requirement.length === 0)) return;
  const [driver, ...others] = [...requirements].sort((a, b) => costOf(a) - costOf(b)) as [Requirement, ...Requirement[]];
  const { state } = run;
  const shortlisted = new TopParagraphs(SEARCH_TUNING.shortlistSize);
  const { bigrams } = run.plan;
  walk: for (const alternative of driver) {
    const [rarest, ...rest] = [...alternative].sort((a, b) => a.size - b.size) as [TermPostings, ...TermPostings[]];
    for (let at = 0; at < rarest.size; at++) {
      const document = rarest.documents[at]!;
      const frequency = rarest.frequencies[at]!;
      if (++run.examined > SEARCH_TUNING.maxDocumentsExamined) break walk;
      if (state.scoredMark[document] === state.queryMark || !hasAll(rest, document) || !run.accepts(document)) continue;
      let meetsOthers = true;
      for (let i = 0; i < others.length && meetsOthers; i++) meetsOthers = meets(others[i]!, document);
      if (!meetsOthers) continue;
      if (!shortlist) {
        scoreOnce(run, document);
        continue;
      }
      state.scoredMark[document] = state.queryMark;
      run.top.answered++;
      // Phrases found count most; among equals, the walked term's BM25 shape (0..1) decides.
      let phrases = 0;
      for (let i = 0; i < bigrams.length; i++) if (bigrams[i]!.postings.has(document)) phrases++;
      const lengthNorm = BM25_K * (1 - BM25_B + (BM25_B * state.lengthByDocument[document]!) / state.averageLength);
      shortlisted.offer(document, phrases + frequency / (frequency + lengthNorm));
    }
  }
  for (const { document } of shortlisted.entries) {
    const score = scoreParagraph(state, run.plan, document);
    if (score >= 0) run.top.offer(document, score, false);
  }
}

/** Scores every paragraph containing at least one of the given posting lists. */
function scoreParagraphsInAny(run: SearchRun, postingLists: TermPostings[]): void {
  for (const postings of postingLists) {
    for (let at = 0; at < postings.size; at++) {
      const document = postings.documents[at]!;
      if (++run.examined > (run.plan.partial ? SEARCH_TUNING.maxDocumentsExaminedPartial : SEARCH_TUNING.maxDocumentsExamined)) return;
      if (run.state.scoredMark[document] === run.state.queryMark || !run.accepts(document)) continue;
      scoreOnce(run, document);
    }
  }
}

function wordRequirement(word: WordPlan): Requirement {
  return word.matchers.map((matcher) => [matcher.postings]);
}

function glossaryRequirement(plan: QueryPlan, entry: GlossaryPlan): Requirement {
  const literal = entry.wordIndices.map((i) => plan.words[i]!.matchers.find((matcher) => matcher.weight === SEARCH_TUNING.weights.exact)?.postings);
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

/** Every word, or glossary phrase standing for several words, as one condition. */
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
function scoreParagraphsWithEnoughWords(run: SearchRun, units: Unit[], need = Math.ceil(SEARCH_TUNING.minCoverage * run.plan.words.length - 1e-9)): void {
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
  scoreParagraphsInAny(run, postingLists.sort((a, b) => a.size - b.size));
}

function filterFor(state: IndexState, filters: SearchFilters): (document: number) => boolean {
  const { year, month, articleId } = filters;
  const { shownByDocument, yearByDocument, monthByDocument } = state;
  if (year === undefined && month === undefined && articleId === undefined) return (document) => shownByDocument[document] === 1;
  return (document) =>
    shownByDocument[document] === 1 &&
    (year === undefined || yearByDocument[document] === year) &&
    (month === undefined || monthByDocument[document] === month) &&
    (articleId === undefined || state.paragraphs[document]!.article.id === articleId);
}

// ---------------------------------------------------------------------------------------------
// Search

function search(state: IndexState, query: string, filters: SearchFilters, limit: number, mode: SearchMode): SearchOutcome {
  const plan = planQuery(state, query, mode.partial ?? false);
  const queryTermsFolded = [...new Set(plan.words.map((word) => word.word.folded))];
  if (plan.words.length === 0 || limit <= 0) return { hits: [], queryTerms: queryTermsFolded };

  state.queryMark = (state.queryMark + 1) >>> 0 || 1;
  if (state.queryMark === 1) state.scoredMark.fill(0);
  const poolSize = limit + 20;
  const run: SearchRun = { state, plan, accepts: filterFor(state, filters), top: new TopParagraphs(poolSize), examined: 0 };

  if (filters.articleId !== undefined) {
    // One article has few paragraphs: score them all.
    for (const document of state.documentsByArticle.get(filters.articleId) ?? []) if (run.accepts(document)) scoreOnce(run, document);
  } else {
    const units = unitsOf(plan);
    const phrases = phraseRequirements(plan);
    if (phrases) scoreParagraphsMeetingAll(run, phrases, true);
    if (run.top.answered < limit) scoreParagraphsMeetingAll(run, units.map((unit) => unit.requirement), true);
    if (run.top.answered < limit) scoreParagraphsWithEnoughWords(run, units, plan.partial ? 1 : undefined);
  }

  const hits = run.top.entries
    .flatMap(({ document, score }): PassageHit[] => {
      const { article, paragraph } = state.paragraphs[document]!;
      const details: MatchDetails = { coverage: 0, matchedTerms: [], missing: [], byGlossary: [] };
      scoreParagraph(state, plan, document, details);
      // Reading the paragraph's words costs a tokenisation: only when a query word was typed with marks.
      const written = plan.words.some((word) => word.word.hasMarks) ? writtenWords(paragraph) : NO_WORDS;
      let coverage = details.coverage;
      if (plan.partial) {
        // The last resort takes a word typed with marks as written: `giá` is not the `gia` of `tham gia`.
        plan.words.forEach((word, i) => {
          const { hasMarks, lower, text } = word.word;
          if (hasMarks && !written.has(lower) && !details.byGlossary.includes(i) && !details.missing.includes(text)) details.missing.push(text);
        });
        coverage = 1 - details.missing.length / plan.words.length;
        if (coverage <= 0) return [];
      }
      const missing = [...new Set(details.missing)];
      return [
        {
          articleId: article.id,
          paragraph: paragraph.number,
          score: score * accentMultiplier(plan, written),
          coverage,
          matchedTerms: [...new Set(details.matchedTerms)],
          ...(missing.length > 0 ? { missing } : {}),
        },
      ];
    })
    // Partial matches: most words found first.
    .sort((a, b) => (plan.partial ? b.coverage - a.coverage : 0) || b.score - a.score || a.articleId.localeCompare(b.articleId) || a.paragraph - b.paragraph)
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

/** The English phrases of a query the glossary translated, as typed, with the Vietnamese searched for them. */
function translationsOf(analysis: QueryAnalysis): Translation[] {
  const translations: Translation[] = [];
  for (const match of analysis.glossaryMatches) {
    if (!match.translation) continue;
    const first = analysis.words[match.first]!;
    const last = analysis.words[match.last]!;
    translations.push({ typed: analysis.text.slice(first.start, last.end), vietnamese: match.translation });
  }
  return translations;
}

// ---------------------------------------------------------------------------------------------
// Suggestions ("did you mean", autocomplete)

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

function optionsForWord(state: IndexState, word: QueryWord, previous: QueryWord | undefined): WordOption[] {
  const { minFuzzyLength, twoEditsFromLength, minCompletionLength, maxCompletions } = SUGGESTION_TUNING;
  const frequencyOf = (term: string) => state.postings.documentFrequency(term);
  const exactDisplay = state.vocabulary.get(word.folded);
  const options: WordOption[] = exactDisplay ? [{ folded: word.folded, display: exactDisplay, distance: 0, frequency: frequencyOf(word.folded) }] : [];
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

/**
 * Per index, what suggestions already worked out: how phrases are written and the paragraphs read to
 * learn it. The index never changes once built, so these stay true; both maps are bounded (oldest out).
 */
interface SuggestionCache {
  written: Map<string, string | null>;
  tokens: Map<number, Token[]>;
}

const SUGGESTION_CACHE_SIZE = { written: 20_000, tokens: 4_000 } as const;

const suggestionCaches = new WeakMap<IndexState, SuggestionCache>();

function suggestionCacheOf(state: IndexState): SuggestionCache {
  let cache = suggestionCaches.get(state);
  if (!cache) suggestionCaches.set(state, (cache = { written: new Map(), tokens: new Map() }));
  return cache;
}

function remember<Key, Value>(map: Map<Key, Value>, key: Key, value: Value, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as Key);
  map.set(key, value);
}

/** How a run of folded words is written in the corpus, e.g. `cong nghiep` → `công nghiệp`. */
function writtenInCorpus(state: IndexState, folded: readonly string[]): string | undefined {
  const cache = suggestionCacheOf(state);
  const key = folded.join(' ');
  const known = cache.written.get(key);
  if (known !== undefined) return known ?? undefined;
  const written = readWrittenForm(state, cache, folded);
  remember(cache.written, key, written ?? null, SUGGESTION_CACHE_SIZE.written);
  return written;
}

function tokensOfParagraph(cache: SuggestionCache, document: number, text: string): Token[] {
  let tokens = cache.tokens.get(document);
  if (!tokens) remember(cache.tokens, document, (tokens = tokenize(text)), SUGGESTION_CACHE_SIZE.tokens);
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
  for (const document of rarest.documents) {
    if (++read > SUGGESTION_TUNING.maxParagraphsRead) break;
    const text = state.paragraphs[document]?.paragraph.text;
    if (!text) continue;
    const tokens = tokensOfParagraph(cache, document, text);
    for (let i = 0; i + folded.length <= tokens.length; i++) {
      if (tokens[i]!.folded !== folded[0]) continue;
      const matches = folded.every((word, offset) => tokens[i + offset]!.folded === word && (offset === 0 || tokens[i + offset - 1]!.adjacentToNext));
      if (!matches) continue;
      const written = text.slice(tokens[i]!.start, tokens[i + folded.length - 1]!.end);
      // Lowercase spellings win ties: `Công nghiệp` is usually just the start of a sentence.
      votes.set(written, (votes.get(written) ?? 0) + (written === written.toLowerCase() ? 2 : 1));
    }
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function suggest(state: IndexState, query: string, limit: number): string[] {
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
      const written = writtenInCorpus(state, tokenize(synonym).map((token) => token.folded));
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
      const written = writtenInCorpus(state, reading.map((option) => option.folded));
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
