// The passage index: finds the paragraphs that answer a query. Its stages, one module each:
// indexParagraphs (build) → indexState (what queries read) → queryPlan → candidateTiers (which
// paragraphs to score) → scoreParagraph (BM25+, the ranking) → searchPassages; and suggest.
// The postings are flat columns searched in place (postingColumns.ts); MiniSearch's radix tree holds
// the vocabulary, where it earns its keep: completing a half-typed word and finding near spellings.

import type { Article, GlossaryEntry } from '../corpus/types.ts';
import { indexParagraphs } from './indexParagraphs.ts';
import { type IndexState, createIndexState } from './indexState.ts';
import { articleAt, paragraphAt, paragraphDocumentId } from './documentParagraphs.ts';
import type { PassageIndexColumns, PostingColumns } from './postingColumns.ts';
import { searchPassages, translationsOf } from './searchPassages.ts';
import { suggesterFor } from './suggest.ts';
import { DocumentIdTable } from './documentIdTable.ts';
import type { PassageIndex } from './types.ts';
import { analyzeQuery } from './vietnameseAnalyzer.ts';

export type { PassageIndexColumns } from './postingColumns.ts';
export { TermTable } from './termTable.ts';
export { DocumentIdTable } from './documentIdTable.ts';
export { paragraphDocumentId } from './documentParagraphs.ts';
export { SEARCH_TUNING } from './searchTuning.ts';

const DEFAULT_LIMIT = 10;
const DEFAULT_SUGGESTIONS = 5;

/** A passage index that can also be saved, to skip rebuilding it at the next start. */
export interface SavablePassageIndex extends PassageIndex {
  /**
   * The index as flat columns, for the library cache (see {@link loadPassageIndexColumns}). They are the
   * index's own arrays, not copies: transferring them to another thread leaves this index unusable.
   */
  toColumns(): PassageIndexColumns;
}

export function buildPassageIndex(articles: readonly Article[], glossary: readonly GlossaryEntry[] = []): SavablePassageIndex {
  const { postings, vocabulary } = indexParagraphs(articles);
  const state = runToEnd(createIndexState(postings, vocabulary, articles, glossary));
  return passageIndexOf(state, postings);
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
  /** Up to how many postings their paragraphs are unpacked (packedColumn.ts' UNPACKED_UP_TO). */
  unpackedUpTo?: number,
): Promise<SavablePassageIndex> {
  const { vocabulary, ...postings } = columns;
  const steps = createIndexState(postings, vocabulary, articles, glossary, unpackedUpTo);
  for (;;) {
    const step = steps.next();
    if (step.done) return passageIndexOf(step.value, postings);
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

function passageIndexOf(state: IndexState, postings: PostingColumns): SavablePassageIndex {
  const suggest = suggesterFor(state);
  // The paragraph ids are not kept: a shown paragraph's id is made from its article and number again
  // when the index is saved, and only the ids of paragraphs not shown (an index built from other
  // articles) are kept as they are. At 1M paragraphs the ids were a million strings, ~90 MB.
  const { documentIds, ...idless } = postings;
  const unshownIds = new Map<number, string>();
  for (let document = 0; document < documentIds.length; document++) {
    if (state.articleOfDocument[document]! < 0) unshownIds.set(document, documentIds.at(document));
  }
  const documentCount = documentIds.length;
  const idOf = (document: number): string => {
    const article = articleAt(state, document);
    return article ? paragraphDocumentId(article.id, paragraphAt(state, document)!.number) : unshownIds.get(document)!;
  };
  return {
    search: (query, filters = {}, limit = DEFAULT_LIMIT, mode = {}) => searchPassages(state, query, filters, limit, mode),
    suggest: (query, limit = DEFAULT_SUGGESTIONS) => suggest(query, limit),
    translate: (text) => translationsOf(analyzeQuery(text, state.glossary)),
    toColumns: () => ({
      ...idless,
      documentIds: DocumentIdTable.of(Array.from({ length: documentCount }, (_, document) => idOf(document))),
      vocabulary: [...state.vocabulary.entries()],
    }),
  };
}
