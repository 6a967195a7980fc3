// What every stage of a query reads: the postings, the vocabulary, the glossary, and per document its
// paragraph and what the filters ask (documentParagraphs.ts). Made from the posting columns in slices, so
// a loader can let the event loop run.

import SearchableMap from 'minisearch/SearchableMap';
import type { Article, GlossaryEntry } from '../corpus/types.ts';
import { ScoredParagraphs } from './candidateTiers.ts';
import { type PostingColumns, type PostingLookup, indexPostingColumns } from './postingColumns.ts';
import { type DocumentParagraphs, findDocumentParagraphs } from './documentParagraphs.ts';
import { searchGlossarySteps } from './searchGlossary.ts';
import { BoundedMap } from '../text/boundedMap.ts';
import type { CompiledGlossary } from './vietnameseAnalyzer.ts';

/** Entries handled between two yields of {@link createIndexState}. */
const STEP_SIZE = 1024;

export interface IndexState extends DocumentParagraphs {
  postings: PostingLookup;
  documentCount: number;
  lengthByDocument: Uint32Array;
  averageLength: number;
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

/** Makes the state in steps: it yields every few thousand entries, so a loader can pause. */
export function* createIndexState(
  columns: PostingColumns,
  vocabularyOrEntries: SearchableMap<string> | ReadonlyArray<[folded: string, display: string]>,
  articles: readonly Article[],
  glossaryEntries: readonly GlossaryEntry[],
  unpackedUpTo?: number,
): Generator<void, IndexState, void> {
  const postings = yield* indexPostingColumns(columns, undefined, unpackedUpTo);
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
  const paragraphs = yield* findDocumentParagraphs(columns.documentIds, articles, STEP_SIZE);
  // The built-in news glossary and the language's own synonyms always apply, after the corpus's glossary.
  const glossary = yield* searchGlossarySteps(glossaryEntries);
  return {
    postings,
    documentCount: columns.documentIds.length,
    ...paragraphs,
    lengthByDocument: columns.fieldLengths,
    averageLength: columns.averageLength,
    vocabulary,
    glossary,
    scored: new ScoredParagraphs(columns.documentIds.length),
    writtenWords: new BoundedMap(WRITTEN_WORDS_KEPT),
  };
}
