// Holds the Library every command reads, and replaces it on reload. A reload loads and validates
// the whole corpus folder first; only a fully valid corpus is swapped in, in one assignment, so
// commands already running finish on the library they started with.
// A reload's build runs in a low-priority child process and is cached beside the corpus
// (buildLibraryProcess.ts, cacheFile.ts); the main thread only decodes the result and builds the
// answer engines' lookups, in slices of a few milliseconds, so a reload never stalls the bot.
// A start never fails for a bad file: it serves the last good library from the cache or, without
// one, every valid article, and keeps the problems for the logs and for moderators.
import type { CorpusError, SkippedFile } from '../corpus/types.ts';
import { formatCorpusError } from '../corpus/types.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import { buildLibrary } from './buildLibrary.ts';
import type { Library } from './library.ts';
import { prepareLookups } from './lookups/prepareLookups.ts';
import { CORPUS_FOLDER_LABEL, scanCorpusFolder } from '../corpus/corpusFolder.ts';
import { type BuildOutcome, type BuildRequest, buildEncodedLibrary } from './buildLibraryWorker.ts';
import { DEFAULT_BUILD_TIMEOUT_MS, describeTimeout, stopAllBuilders } from './builderWatch.ts';
import { buildAtStartUp, buildForReload } from './chooseBuilder.ts';
import { corpusKey } from './cacheKey.ts';
import { type EncodedLibrary, type LibraryInFile, isInFile } from './cacheFormat.ts';
import { decodeLibrary } from './decodeLibrary.ts';
import { isExpectedCacheMiss, readCacheEnvelope } from './cacheFile.ts';
import { yieldEvery } from './yieldEvery.ts';
import { type Checkpoint, runInSlices } from '../text/steps.ts';
import { type LibraryDiff, diffSteps } from './libraryDiff.ts';

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
  /** Files of the folder deliberately not loaded (wrong type, sub-folder, dotfile), with why. */
  skipped: SkippedFile[];
  /** Files with errors that are not in the library being served (a start with a bad file). */
  problems: CorpusError[];
  /**
   * `current`: the folder as it is now. `last-good-cache`: the folder has bad files and the library
   * is the last good one from the cache. `valid-articles`: the folder has bad files, no good cache
   * existed, and the library holds every valid article.
   */
  served: 'current' | 'last-good-cache' | 'valid-articles';
}

/** What the folder holds that the library being served does not: for `/reload` and `/library list`. */
export interface NotLoaded {
  skipped: SkippedFile[];
  problems: CorpusError[];
  served: LoadInfo['served'];
}

export class CorpusLoadError extends Error {
  constructor(readonly errors: CorpusError[]) {
    super(`the corpus has ${errors.length} problem(s):\n${errors.map(formatCorpusError).join('\n')}`);
    this.name = 'CorpusLoadError';
  }
}

export type ReloadResult =
  | { status: 'busy' }
  | { status: 'failed'; errors: CorpusError[]; tookMs: number; skipped?: SkippedFile[] }
  | (LibraryDiff & {
      status: 'ok';
      tookMs: number;
      /** Problems that did not stop the reload (e.g. the index cache could not be written). */
      warnings?: string[];
      /** Files of the folder not loaded on purpose (wrong type, sub-folder, dotfile), with why. */
      skipped?: SkippedFile[];
    });

/** Loads and indexes a corpus folder in this thread, without the cache: the Library, or every problem found. */
export async function loadLibrary(corpusDir: string): Promise<{ ok: true; library: Library } | { ok: false; errors: CorpusError[] }> {
  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) return loaded;
  return { ok: true, library: buildLibrary(loaded.corpus) };
}

export interface OpenOptions {
  /**
   * Build here rather than in a worker thread when the cache is missing or stale: for a one-shot
   * process such as the CLI, which has no event loop to keep free and pays a worker's start-up.
   */
  buildInThisThread?: boolean;
  /**
   * A folder with bad files: `last-good` (the bot's default) serves the last good library from the
   * cache or, without one, every valid article; `valid-articles` (the CLI's --skip-invalid) serves the
   * valid articles; `fail` (the CLI's default) throws with every problem. See LoadInfo.served.
   */
  onBadFiles?: 'last-good' | 'valid-articles' | 'fail';
  /** Longest a build may take before its builder is stopped (RELOAD_TIMEOUT_SECONDS). */
  buildTimeoutMs?: number;
}

export class LibraryStore {
  private library: Library;
  private reloading: Promise<ReloadResult> | undefined;
  /** Counts reloads, so a reload given up by its watchdog never swaps its library in later. */
  private generation = 0;
  private closed = false;
  /** How the current library was loaded (`undefined` for a store made with `fromLibrary`). */
  lastLoad: LoadInfo | undefined;
  readonly buildTimeoutMs: number;

  private constructor(
    readonly corpusDir: string,
    library: Library,
    buildTimeoutMs = DEFAULT_BUILD_TIMEOUT_MS,
  ) {
    this.library = library;
    this.buildTimeoutMs = buildTimeoutMs;
  }

  /**
   * Opens a corpus folder: from the index cache when it matches the files, else built (in a worker)
   * and cached. A folder with bad files is served anyway (unless `onBadFiles` is `fail`):
   * see LoadInfo.served and .problems. Throws CorpusLoadError listing every `file:line: reason` when
   * nothing at all can be served. Nothing is served yet, so decoding here does not pause.
   */
  static async open(corpusDir: string, options: OpenOptions = {}): Promise<LibraryStore> {
    const started = performance.now();
    const timeoutMs = options.buildTimeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
    const build = options.buildInThisThread
      ? (request: BuildRequest) => buildEncodedLibrary(request, { keepBuilt: true })
      : (request: BuildRequest) => buildAtStartUp(request, timeoutMs);
    const opened = await openLibrary(corpusDir, build, options.onBadFiles ?? 'last-good');
    if (!opened.ok) throw new CorpusLoadError(opened.errors);
    const store = new LibraryStore(corpusDir, opened.library, timeoutMs);
    store.lastLoad = {
      fromCache: opened.fromCache,
      tookMs: Math.round(performance.now() - started),
      warnings: opened.warnings,
      skipped: opened.skipped,
      problems: opened.problems,
      served: opened.served,
    };
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

  /** Files of the folder that the library being served does not hold, as of the last load or reload. */
  notLoaded(): NotLoaded {
    return { skipped: this.lastLoad?.skipped ?? [], problems: this.lastLoad?.problems ?? [], served: this.lastLoad?.served ?? 'current' };
  }

  /**
   * Reloads the folder; one reload at a time (a second call while one runs gets `busy`). The lock
   * always clears: the builder has a watchdog, and past it (plus a margin for decoding) the reload
   * is given up and reported as failed.
   */
  async reload(): Promise<ReloadResult> {
    if (this.reloading) return { status: 'busy' };
    if (this.closed)
      return { status: 'failed', errors: [{ file: CORPUS_FOLDER_LABEL, line: 0, reason: 'the bot is shutting down' }], tookMs: 0 };
    const generation = ++this.generation;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const givenUp = new Promise<ReloadResult>((resolve) => {
      timer = setTimeout(() => {
        this.generation++;
        resolve({
          status: 'failed',
          errors: [{ file: CORPUS_FOLDER_LABEL, line: 0, reason: describeTimeout(this.buildTimeoutMs) }],
          tookMs: Math.round(performance.now() - started),
        });
      }, this.buildTimeoutMs + RELOAD_DECODE_MARGIN_MS);
      timer.unref();
    });
    this.reloading = Promise.race([this.reloadNow(generation), givenUp]);
    try {
      return await this.reloading;
    } catch (error) {
      return {
        status: 'failed',
        errors: [
          { file: CORPUS_FOLDER_LABEL, line: 0, reason: `could not reload: ${error instanceof Error ? error.message : String(error)}` },
        ],
        tookMs: Math.round(performance.now() - started),
      };
    } finally {
      clearTimeout(timer);
      this.reloading = undefined;
    }
  }

  /** Stops any builder still running (shutdown); later reloads are refused. */
  close(): void {
    this.closed = true;
    this.generation++;
    stopAllBuilders();
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

  private async reloadNow(generation: number): Promise<ReloadResult> {
    const started = performance.now();
    const previous = this.library;
    const loaded = await buildAndDecode(
      { corpusDir: this.corpusDir },
      (request) => buildForReload(request, this.buildTimeoutMs),
      () => yieldEvery(RELOAD_SLICE_MS, RELOAD_REST_MS),
      previous,
    );
    if (!loaded.ok)
      return { status: 'failed', errors: loaded.errors, tookMs: Math.round(performance.now() - started), skipped: loaded.skipped };
    const diff = await runInSlices(diffSteps(previous, loaded.library), yieldEvery(RELOAD_SLICE_MS, RELOAD_REST_MS));
    const tookMs = Math.round(performance.now() - started);
    if (generation !== this.generation)
      return { status: 'failed', errors: [{ file: CORPUS_FOLDER_LABEL, line: 0, reason: 'the reload was given up' }], tookMs };
    this.library = loaded.library;
    this.lastLoad = {
      fromCache: loaded.fromCache,
      tookMs,
      warnings: loaded.warnings,
      skipped: loaded.skipped,
      problems: [],
      served: 'current',
    };
    return {
      status: 'ok',
      ...diff,
      tookMs,
      ...(loaded.warnings.length > 0 ? { warnings: loaded.warnings } : {}),
      skipped: loaded.skipped,
    };
  }
}

/** Time allowed for decoding the built library after the builder's own watchdog. */
const RELOAD_DECODE_MARGIN_MS = 60_000;

type Opened =
  | {
      ok: true;
      library: Library;
      fromCache: boolean;
      warnings: string[];
      skipped: SkippedFile[];
      problems: CorpusError[];
      served: LoadInfo['served'];
    }
  | { ok: false; errors: CorpusError[]; skipped: SkippedFile[] };

async function openLibrary(
  corpusDir: string,
  build: (request: BuildRequest) => Promise<BuildOutcome>,
  onBadFiles: NonNullable<OpenOptions['onBadFiles']>,
): Promise<Opened> {
  const warnings: string[] = [];
  // The cache is read here rather than in a worker: starting a worker under tsx costs more than reading it.
  const key = await corpusKey(corpusDir).catch(() => undefined);
  if (key !== undefined) {
    const cached = await readCacheEnvelope(corpusDir, key);
    if (cached.ok) {
      const library = await decodeLibrary(cached.encoded).catch(() => undefined);
      releaseBytes(cached.encoded);
      if (library) {
        await prepareLookups(library);
        const scanned = await scanCorpusFolder(corpusDir);
        return {
          ok: true,
          library,
          fromCache: true,
          warnings,
          skipped: scanned.ok ? scanned.scan.skipped : [],
          problems: [],
          served: 'current',
        };
      }
      warnings.push('index cache damaged (checksum or content): rebuilt');
    } else if (!isExpectedCacheMiss(cached.reason)) {
      warnings.push(`index cache not used: ${cached.reason}; rebuilt`);
    }
  }
  const built = await buildAndDecode({ corpusDir, ignoreCache: key !== undefined }, build, () => undefined);
  if (built.ok) return { ...built, warnings: [...warnings, ...built.warnings], served: 'current' };
  if (onBadFiles === 'fail' || isFolderFailure(built.errors)) return built;

  // Bad files: the last good library from the cache, whatever the files now are…
  const lastGood = onBadFiles === 'last-good' ? await readCacheEnvelope(corpusDir, '', { anyKey: true }) : undefined;
  if (lastGood?.ok) {
    const library = await decodeLibrary(lastGood.encoded).catch(() => undefined);
    releaseBytes(lastGood.encoded);
    if (library) {
      await prepareLookups(library);
      return { ok: true, library, fromCache: true, warnings, skipped: built.skipped, problems: built.errors, served: 'last-good-cache' };
    }
  }
  // …or, without one, every valid article.
  const valid = await buildAndDecode({ corpusDir, ignoreCache: true, skipInvalid: true }, build, () => undefined);
  if (!valid.ok) return valid;
  return { ...valid, warnings: [...warnings, ...valid.warnings], served: 'valid-articles' };
}

/** The folder itself could not be read or the builder failed: no file to leave out. */
function isFolderFailure(errors: readonly CorpusError[]): boolean {
  return errors.every((error) => error.file === CORPUS_FOLDER_LABEL);
}

/**
 * Drops the encoded sections once decoded: a builder's packed copy of the library, as large as the
 * library again, which the collections while the lookups are prepared can then free, instead of the
 * process holding both until the open ends. A library read from the cache file holds no sections.
 */
function releaseBytes(encoded: EncodedLibrary | LibraryInFile): void {
  if (!isInFile(encoded)) encoded.sections.length = 0;
}

type Decoded =
  | { ok: true; library: Library; fromCache: boolean; warnings: string[]; skipped: SkippedFile[]; problems: CorpusError[] }
  | { ok: false; errors: CorpusError[]; skipped: SkippedFile[] };

/**
 * Builds (or reads from the cache) and decodes. A cache whose envelope is fine but whose content is
 * damaged is only found while decoding: then the library is built again, ignoring the cache.
 */
async function buildAndDecode(
  request: BuildRequest,
  build: (request: BuildRequest) => Promise<BuildOutcome>,
  checkpoint: () => Checkpoint | undefined,
  /** The library being served (a reload): unchanged articles keep its bodies (see DecodeOptions). */
  served?: Library,
): Promise<Decoded> {
  const failure = (reason: string): Decoded => ({ ok: false, errors: [{ file: CORPUS_FOLDER_LABEL, line: 0, reason }], skipped: [] });
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
      // Built in this thread: served as built (encoding it was for the cache file only).
      const library = outcome.built ?? (await decodeLibrary(outcome.encoded, pause, { bodiesFrom: served }));
      releaseBytes(outcome.encoded);
      // Built here, before the library is served, so no member's command pays for them.
      await prepareLookups(library, pause);
      return {
        ok: true,
        library,
        fromCache: outcome.fromCache,
        warnings: outcome.warnings,
        skipped: outcome.skipped,
        problems: outcome.problems,
      };
    } catch (error) {
      if (!outcome.fromCache) return failure(`could not read the built library: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failure('could not build the library');
}
