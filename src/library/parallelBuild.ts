// Builds a Library on two threads: the articles' meetings, agreements and people in the extraction
// worker (extractionWorker.ts) while this thread builds the passage index, the two halves of the work
// being independent. The result is the very library buildLibrary makes (and so the same cache bytes):
// the same extractArticle on the same articles, merged by the same assembleLibrary in article order.
import type { Corpus } from '../corpus/types.ts';
import { buildPassageIndex } from '../search/passageIndex.ts';
import { assembleLibrary, buildLibrary } from './buildLibrary.ts';
import { BuilderDidNotStart } from './builderWatch.ts';
import { type ArticleExtraction, extractArticle } from './extractArticle.ts';
import { type RunningExtraction, startExtraction } from './extractionWorker.ts';
import type { Library } from './library.ts';

/** Below this, starting a thread (and loading the extractors into it) costs more than it saves. */
export const PARALLEL_FROM_PARAGRAPHS = 5_000;

export interface ParallelBuildOptions {
  /** Smallest corpus, in paragraphs, worth a second thread (tests lower it). */
  minParagraphs?: number;
  /** Starts the extraction elsewhere (tests use it to make the worker fail). */
  start?: (corpus: Corpus) => RunningExtraction;
}

export async function buildLibraryInParallel(
  corpus: Corpus,
  { minParagraphs = PARALLEL_FROM_PARAGRAPHS, start = (of) => startExtraction(of.articles) }: ParallelBuildOptions = {},
): Promise<Library> {
  let paragraphs = 0;
  for (const article of corpus.articles) paragraphs += article.paragraphs.length;
  if (paragraphs < minParagraphs) return buildLibrary(corpus);

  let extraction: RunningExtraction;
  try {
    extraction = start(corpus);
  } catch {
    // No thread can start here (a sandbox, too many threads): the same library, on one thread.
    return buildLibrary(corpus);
  }
  let index;
  try {
    index = buildPassageIndex(corpus.articles, corpus.glossary);
  } catch (error) {
    extraction.stop();
    throw error;
  }
  return assembleLibrary(corpus, await extractionsOrOwn(corpus, extraction), index);
}

/**
 * The worker's extractions; this thread's own when the worker never came online. A worker that ran
 * and failed fails the build (BuilderFailed), as a failed builder does: what broke it would likely
 * break this thread too.
 */
async function extractionsOrOwn(corpus: Corpus, extraction: RunningExtraction): Promise<ArticleExtraction[]> {
  try {
    return await extraction.results;
  } catch (error) {
    if (!(error instanceof BuilderDidNotStart)) throw error;
    return corpus.articles.map(extractArticle);
  }
}
