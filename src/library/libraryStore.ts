// Holds the Library every command reads, and replaces it on reload. A reload loads and validates
// the whole corpus folder first; only a fully valid corpus is swapped in, in one assignment, so
// commands already running finish on the library they started with.
// A reload's build runs in a low-priority child process and is cached beside the corpus
// (buildLibraryProcess.ts, libraryCache.ts); the main thread only decodes the result and builds the
// answer engines' lookups, in slices of a few milliseconds, so a reload never stalls the bot.
import type { CorpusError } from '../corpus/types.ts';
import { formatCorpusError } from '../corpus/types.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import { buildLibrary } from '../answers/buildLibrary.ts';
import type { Library } from '../answers/library.ts';
import { prepareLookups } from '../answers/libraryLookups.ts';
import { type BuildOutcome, type BuildRequest, buildEncodedLibrary, buildInWorker } from './buildLibraryWorker.ts';
import { buildInChildProcess } from './buildLibraryProcess.ts';
import { corpusKey, decodeLibrary, readCacheEnvelope, yieldEvery } from './libraryCache.ts';
import type { Checkpoint } from '../answers/steps.ts';

/** Longest stretch of decoding between two turns of the event loop during a reload. */
const RELOAD_SLICE_MS = 4;
/** Idle time after each slice: the reload takes at most about half of the main thread (see yieldEvery). */
const RELOAD_REST_MS = 4;

/** How the current library was obtained, for logs and `npm run bench`. */
export interface LoadInfo {
  /** Read from `<corpusDir>/.index-cache` rather than built from the articles. */
  fromCache: boolean;
  /** Wall time of the whole open or reload (hashing, reading or building, decoding). */
  tookMs: number;
  /** Problems that did not stop the load, e.g. a cache that could not be written. */
  warnings: string[];
}

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
      /** Problems that did not stop the reload (e.g. the index cache could not be written). */
      warnings?: string[];
    };

/** Loads and indexes a corpus folder in this thread, without the cache: the Library, or every problem found. */
export async function loadLibrary(corpusDir: string): Promise<{ ok: true; library: Library } | { ok: false; errors: CorpusError[] }> {
  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) return loaded;
  return { ok: true, library: buildLibrary(loaded.corpus) };
}

export class LibraryStore {
  private library: Library;
  private reloading: Promise<ReloadResult> | undefined;
  /** How the current library was loaded (`undefined` for a store made with `fromLibrary`). */
  lastLoad: LoadInfo | undefined;

  private constructor(
    readonly corpusDir: string,
    library: Library,
  ) {
    this.library = library;
  }

  /**
   * Opens a corpus folder: from the index cache when it matches the files, else built (in a worker)
   * and cached. Throws CorpusLoadError listing every `file:line: reason` when the corpus is invalid.
   * Nothing is served yet, so decoding here does not pause for the event loop.
   */
  static async open(corpusDir: string, options: OpenOptions = {}): Promise<LibraryStore> {
    const started = performance.now();
    const opened = await openLibrary(corpusDir, options.buildInThisThread ? buildEncodedLibrary : buildAtStartUp);
    if (!opened.ok) throw new CorpusLoadError(opened.errors);
    const store = new LibraryStore(corpusDir, opened.library);
    store.lastLoad = { fromCache: opened.fromCache, tookMs: Math.round(performance.now() - started), warnings: opened.warnings };
    return store;
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

  /**
   * Reloads after any reload already running has finished, never answering `busy`: for a change just
   * made to the folder (`/library`), which a reload that started earlier may have read before it.
   */
  async reloadAfterCurrent(): Promise<ReloadResult> {
    for (;;) {
      while (this.reloading) await this.reloading.catch(() => undefined);
      const result = await this.reload();
      if (result.status !== 'busy') return result;
    }
  }

  private async reloadNow(): Promise<ReloadResult> {
    const started = performance.now();
    const previous = this.library;
    const loaded = await buildAndDecode({ corpusDir: this.corpusDir }, buildForReload, () => yieldEvery(RELOAD_SLICE_MS, RELOAD_REST_MS));
    const tookMs = Math.round(performance.now() - started);
    if (!loaded.ok) return { status: 'failed', errors: loaded.errors, tookMs };
    this.library = loaded.library;
    this.lastLoad = { fromCache: loaded.fromCache, tookMs, warnings: loaded.warnings };
    return { status: 'ok', ...diffLibraries(previous, loaded.library), tookMs, ...(loaded.warnings.length > 0 ? { warnings: loaded.warnings } : {}) };
  }
}

type Opened = { ok: true; library: Library; fromCache: boolean; warnings: string[] } | { ok: false; errors: CorpusError[] };

export interface OpenOptions {
  /**
   * Build here rather than in a worker thread when the cache is missing or stale: for a one-shot
   * process such as the CLI, which has no event loop to keep free and pays a worker's start-up.
   */
  buildInThisThread?: boolean;
}

async function openLibrary(corpusDir: string, build: (request: BuildRequest) => Promise<BuildOutcome>): Promise<Opened> {
  // The cache is read here rather than in a worker: starting a worker under tsx costs more than reading it.
  const key = await corpusKey(corpusDir).catch(() => undefined);
  if (key !== undefined) {
    const cached = await readCacheEnvelope(corpusDir, key);
    if (cached.ok) {
      const library = await decodeLibrary(cached.encoded).catch(() => undefined);
      if (library) {
        await prepareLookups(library);
        return { ok: true, library, fromCache: true, warnings: [] };
      }
    }
  }
  return buildAndDecode({ corpusDir, ignoreCache: key !== undefined }, build, () => undefined);
}

/**
 * A reload builds in a low-priority child process that leaves the library in the cache (see
 * buildLibraryProcess.ts); where it cannot (no cache can be written there, or no process can be
 * started), in a worker thread.
 */
async function buildForReload(request: BuildRequest): Promise<BuildOutcome> {
  try {
    const built = await buildInChildProcess(request);
    if (built) return built;
  } catch {
    // the child could not run: the worker does it all
  }
  return buildInWorker(request);
}

/** At start-up a worker keeps the build's garbage off the main heap; if it cannot start, build here. */
async function buildAtStartUp(request: BuildRequest): Promise<BuildOutcome> {
  try {
    return await buildInWorker(request);
  } catch (error) {
    const outcome = await buildEncodedLibrary(request);
    const note = `the library was built without a worker thread (${error instanceof Error ? error.message : String(error)})`;
    return outcome.ok ? { ...outcome, warnings: [...outcome.warnings, note] } : outcome;
  }
}

/**
 * Builds (or reads from the cache) and decodes. A cache whose envelope is fine but whose content is
 * damaged is only found while decoding: then the library is built again, ignoring the cache.
 */
async function buildAndDecode(
  request: BuildRequest,
  build: (request: BuildRequest) => Promise<BuildOutcome>,
  checkpoint: () => Checkpoint | undefined,
): Promise<Opened> {
  const failure = (reason: string): Opened => ({ ok: false, errors: [{ file: request.corpusDir, line: 0, reason }] });
  for (const ignoreCache of request.ignoreCache ? [true] : [false, true]) {
    let outcome: BuildOutcome;
    try {
      outcome = await build({ ...request, ignoreCache });
    } catch (error) {
      return failure(`could not build the library: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!outcome.ok) return outcome;
    try {
      const pause = checkpoint();
      const library = await decodeLibrary(outcome.encoded, pause);
      // Built here, before the library is served, so no member's command pays for them.
      await prepareLookups(library, pause);
      return { ok: true, library, fromCache: outcome.fromCache, warnings: outcome.warnings };
    } catch (error) {
      if (!outcome.fromCache) return failure(`could not read the built library: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failure('could not build the library');
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
