// What every stage of a query reads: the postings, the vocabulary, the glossary, and per paragraph what
// the filters ask. Made from the posting columns in slices, so a loader can let the event loop run.

import SearchableMap from 'minisearch/SearchableMap';
import type { Article, GlossaryEntry, Paragraph } from '../corpus/types.ts';
import { ScoredParagraphs } from './candidateTiers.ts';
import { type PostingColumns, type PostingLookup, indexPostingColumns } from './postingColumns.ts';
import type { DocumentIdTable } from './documentIdTable.ts';
import { searchGlossarySteps } from './searchGlossary.ts';
import { BoundedMap } from '../text/boundedMap.ts';
import type { CompiledGlossary } from './vietnameseAnalyzer.ts';

/** Entries handled between two yields of {@link createIndexState}. */
const STEP_SIZE = 1024;

export interface IndexedParagraph {
  article: Article;
  paragraph: Paragraph;
}

export interface IndexState {
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
  /** Folded word → the form to display, as a radix tree: completions and near spellings. */
  vocabulary: SearchableMap<string>;
  glossary: CompiledGlossary;
  /** The paragraphs the running query has already scored (the candidate tiers' scratch). */
  scored: ScoredParagraphs;
  /**
   * The words of recently ranked paragraphs as written (see `writtenWords`), by document: reading them
   * means tokenizing the paragraph, a third of a search's time when a word is typed with marks, and the
   * same paragraphs come back as a member types on (`quốc`, `quốc ph`, `quốc phòng`) or asks again.
   */
  writtenWords: BoundedMap<number, ReadonlySet<string>>;
}

/** Paragraphs whose written words are kept (a few dozen words each). */
const WRITTEN_WORDS_KEPT = 2048;

export function paragraphDocumentId(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

/** The paragraph a document id (`articleId#number`, see {@link paragraphDocumentId}) names, if any. */
function paragraphOf(documentId: string, articleById: ReadonlyMap<string, Article>): IndexedParagraph | undefined {
  const hash = documentId.lastIndexOf('#');
  const article = articleById.get(documentId.slice(0, hash));
  if (hash < 0 || !article) return undefined;
  const number = Number(documentId.slice(hash + 1));
  const paragraph =
    article.paragraphs[number - 1]?.number === number
      ? article.paragraphs[number - 1]
      : article.paragraphs.find((candidate) => candidate.number === number);
  return paragraph && paragraphDocumentId(article.id, paragraph.number) === documentId ? { article, paragraph } : undefined;
}

/** The paragraphs that the documents name, and what the filters ask of each, found a slice at a time. */
interface ShownParagraphs extends Pick<
  IndexState,
  'paragraphs' | 'shownByDocument' | 'yearByDocument' | 'monthByDocument' | 'documentsByArticle'
> {
  documentIds: DocumentIdTable;
  articles: readonly Article[];
  articleById: ReadonlyMap<string, Article>;
  /** Where the next document's paragraph is expected: the article and paragraph after the last found. */
  nextArticle: number;
  nextParagraph: number;
}

/**
 * Finds the paragraphs of documents `from` to `to`. A function of its own, called a slice at a time,
 * not a loop inside the generator below: V8 optimizes a loop inside a generator only when the generator
 * is entered again, and at 1M paragraphs this loop ran unoptimized for most of its 0.7 s.
 */
function findParagraphs(shown: ShownParagraphs, from: number, to: number): void {
  const { documentIds, articles, articleById, paragraphs, shownByDocument, yearByDocument, monthByDocument, documentsByArticle } = shown;
  // Paragraphs are indexed article by article, so each id is most often the next paragraph's: checked
  // as that without cutting the id apart, and looked up only when it is not.
  let { nextArticle, nextParagraph } = shown;
  for (let shortId = from; shortId < to; shortId++) {
    while (nextArticle < articles.length && nextParagraph >= articles[nextArticle]!.paragraphs.length) {
      nextArticle++;
      nextParagraph = 0;
    }
    const next = nextArticle < articles.length ? articles[nextArticle]! : undefined;
    let indexed: IndexedParagraph | undefined;
    if (next && documentIds.names(shortId, next.id, next.paragraphs[nextParagraph]!.number)) {
      indexed = { article: next, paragraph: next.paragraphs[nextParagraph]! };
      nextParagraph++;
    } else {
      indexed = paragraphOf(documentIds.at(shortId), articleById);
    }
    paragraphs.push(indexed);
    if (!indexed) continue; // an index built from other articles: that paragraph is not shown
    shownByDocument[shortId] = 1;
    yearByDocument[shortId] = indexed.article.date.year;
    monthByDocument[shortId] = indexed.article.date.month;
    let list = documentsByArticle.get(indexed.article.id);
    if (list === undefined) documentsByArticle.set(indexed.article.id, (list = []));
    list.push(shortId);
  }
  shown.nextArticle = nextArticle;
  shown.nextParagraph = nextParagraph;
}

/** Makes the state in steps: it yields every few thousand entries, so a loader can pause. */
export function* createIndexState(
  columns: PostingColumns,
  vocabularyOrEntries: SearchableMap<string> | ReadonlyArray<[folded: string, display: string]>,
  articles: readonly Article[],
  glossaryEntries: readonly GlossaryEntry[],
): Generator<void, IndexState, void> {
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
  const size = columns.documentIds.length;
  const shown: ShownParagraphs = {
    documentIds: columns.documentIds,
    articles,
    articleById: new Map(articles.map((article) => [article.id, article])),
    // Filled by push: `new Array(size)` of 100k or more is a slow dictionary in V8.
    paragraphs: [],
    shownByDocument: new Uint8Array(size),
    yearByDocument: new Int32Array(size),
    monthByDocument: new Int32Array(size),
    documentsByArticle: new Map(),
    nextArticle: 0,
    nextParagraph: 0,
  };
  for (let from = 0; from < size; from += STEP_SIZE) {
    findParagraphs(shown, from, Math.min(from + STEP_SIZE, size));
    yield;
  }
  const { paragraphs, shownByDocument, yearByDocument, monthByDocument, documentsByArticle } = shown;
  // The built-in news glossary and the language's own synonyms always apply, after the corpus's glossary.
  const glossary = yield* searchGlossarySteps(glossaryEntries);
  return {
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
    glossary,
    scored: new ScoredParagraphs(size),
    writtenWords: new BoundedMap(WRITTEN_WORDS_KEPT),
  };
}
