// Holds the Library every command reads, and replaces it on reload. A reload loads and validates
// the whole corpus folder first; only a fully valid corpus is swapped in, in one assignment, so
// commands already running finish on the library they started with.
import type { CorpusError } from '../corpus/types.ts';
import { formatCorpusError } from '../corpus/types.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import { buildLibrary } from '../answers/buildLibrary.ts';
import type { Library } from '../answers/library.ts';

export class CorpusLoadError extends Error {
  constructor(readonly errors: CorpusError[]) {
    super(`the corpus has ${errors.length} problem(s):\n${errors.map(formatCorpusError).join('\n')}`);
    this.name = 'CorpusLoadError';
  }
}

export type ReloadResult =
  | { status: 'busy' }
  | { status: 'failed'; errors: CorpusError[]; tookMs: number }
  | {
      status: 'ok';
      added: string[];
      removed: string[];
      changed: string[];
      articleCount: number;
      paragraphCount: number;
      /** Paragraph count before the reload, to report the difference. */
      previousParagraphCount: number;
      tookMs: number;
    };

/** Loads and indexes a corpus folder: the Library, or every problem found. */
export async function loadLibrary(corpusDir: string): Promise<{ ok: true; library: Library } | { ok: false; errors: CorpusError[] }> {
  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) return loaded;
  return { ok: true, library: buildLibrary(loaded.corpus) };
}

export class LibraryStore {
  private library: Library;
  private reloading: Promise<ReloadResult> | undefined;

  private constructor(
    readonly corpusDir: string,
    library: Library,
  ) {
    this.library = library;
  }

  /** Opens a corpus folder; throws CorpusLoadError listing every `file:line: reason` when it is invalid. */
  static async open(corpusDir: string): Promise<LibraryStore> {
    const loaded = await loadLibrary(corpusDir);
    if (!loaded.ok) throw new CorpusLoadError(loaded.errors);
    return new LibraryStore(corpusDir, loaded.library);
  }

  /** A store over an already built library (tests, benchmarks). */
  static fromLibrary(corpusDir: string, library: Library): LibraryStore {
    return new LibraryStore(corpusDir, library);
  }

  get current(): Library {
    return this.library;
  }

  get isReloading(): boolean {
    return this.reloading !== undefined;
  }

  /** Reloads the folder; one reload at a time (a second call while one runs gets `busy`). */
  async reload(): Promise<ReloadResult> {
    if (this.reloading) return { status: 'busy' };
    this.reloading = this.reloadNow();
    try {
      return await this.reloading;
    } finally {
      this.reloading = undefined;
    }
  }

  private async reloadNow(): Promise<ReloadResult> {
    const started = performance.now();
    const previous = this.library;
    const loaded = await loadLibrary(this.corpusDir);
    const tookMs = Math.round(performance.now() - started);
    if (!loaded.ok) return { status: 'failed', errors: loaded.errors, tookMs };
    this.library = loaded.library;
    return { status: 'ok', ...diffLibraries(previous, loaded.library), tookMs };
  }
}

function diffLibraries(before: Library, after: Library) {
  const hashBefore = new Map(before.corpus.articles.map((article) => [article.id, article.hash]));
  const hashAfter = new Map(after.corpus.articles.map((article) => [article.id, article.hash]));
  return {
    added: [...hashAfter.keys()].filter((id) => !hashBefore.has(id)),
    removed: [...hashBefore.keys()].filter((id) => !hashAfter.has(id)),
    changed: [...hashAfter.entries()].filter(([id, hash]) => hashBefore.has(id) && hashBefore.get(id) !== hash).map(([id]) => id),
    articleCount: after.corpus.articles.length,
    paragraphCount: after.paragraphCount,
    previousParagraphCount: before.paragraphCount,
  };
}
