// Builds a Library off the main thread, for LibraryStore: hash the corpus, reuse the cache when it is up
// to date, else load, validate, index, extract and write the cache; then hand the encoded library over
// with its buffers transferred (not copied), for the main thread to decode in short slices.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildLibraryInParallel } from './parallelBuild.ts';
import type { Library } from './library.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import { CORPUS_FOLDER_LABEL, scanCorpusFolder } from '../corpus/corpusFolder.ts';
import type { CorpusError, SkippedFile } from '../corpus/types.ts';
import { BuilderDidNotStart, BuilderFailed, DEFAULT_BUILD_TIMEOUT_MS, describeTimeout, watchBuilder } from './builderWatch.ts';
import { type EncodedLibrary, type LibraryInFile, isInFile } from './cacheFormat.ts';
import { corpusKey } from './cacheKey.ts';
import { encodeLibrary, packSections } from './encodeLibrary.ts';
import { isExpectedCacheMiss, readCacheEnvelope, writeLibraryCache } from './cacheFile.ts';
import { runsFromSource } from './runsFromSource.ts';
import { lowerPriority } from './lowerPriority.ts';

export interface BuildRequest {
  corpusDir: string;
  /** Build from the articles even when the cache matches (it was found damaged). */
  ignoreCache?: boolean;
  /** Build from the valid articles when some are bad (a start must not fail); such a build is not cached. */
  skipInvalid?: boolean;
}

export type BuildOutcome =
  | { ok: false; errors: CorpusError[]; skipped: SkippedFile[] }
  | {
      ok: true;
      /** Built: its sections in memory. From the cache: still in the file, which the decoder reads. */
      encoded: EncodedLibrary | LibraryInFile;
      fromCache: boolean;
      warnings: string[];
      /** Files not loaded on purpose (wrong type, sub-folder, dotfile). */
      skipped: SkippedFile[];
      /** Files left out for their errors (only with `skipInvalid`). */
      problems: CorpusError[];
      /** Set when the cache file beside the corpus now holds exactly this library, under this key. */
      cachedUnder?: string;
      /**
       * The library itself, when it was just built in this thread and the caller asked to keep it
       * (`keepBuilt`): served as it is, rather than decoded again from `encoded`, which is only for the
       * cache file. Never set by the worker or the child process, which can only hand bytes over.
       */
      built?: Library;
    };

export interface BuildHooks {
  /** Asked just before the cache is written: false when whoever asked for the build is gone. */
  mayWriteCache?: () => boolean;
  /** Hand the freshly built library back as `built` (an in-thread build whose caller serves it). */
  keepBuilt?: boolean;
}

const WORKER_KIND = 'citebot-build-library';

/** The worker's job; also callable in-process (the CLI, tests). */
export async function buildEncodedLibrary(
  { corpusDir, ignoreCache = false, skipInvalid = false }: BuildRequest,
  hooks: BuildHooks = {},
): Promise<BuildOutcome> {
  let key: string;
  try {
    key = await corpusKey(corpusDir);
  } catch {
    // loadCorpus words the folder's problem for the moderator.
    const loaded = await loadCorpus(corpusDir);
    return loaded.ok
      ? { ok: false, errors: [{ file: CORPUS_FOLDER_LABEL, line: 0, reason: 'cannot read the corpus folder' }], skipped: [] }
      : loaded;
  }
  const warnings: string[] = [];
  const cached = ignoreCache ? undefined : await readCacheEnvelope(corpusDir, key);
  if (cached?.ok) {
    const scanned = await scanCorpusFolder(corpusDir);
    return {
      ok: true,
      encoded: cached.encoded,
      fromCache: true,
      warnings,
      skipped: scanned.ok ? scanned.scan.skipped : [],
      problems: [],
      cachedUnder: key,
    };
  }
  if (cached && !isExpectedCacheMiss(cached.reason)) warnings.push(`index cache not used: ${cached.reason}; rebuilt`);

  const loaded = await loadCorpus(corpusDir, { skipInvalid });
  if (!loaded.ok) return loaded;
  const { skipped, problems } = loaded;
  const library = await buildLibraryInParallel(loaded.corpus);
  const encoded = encodeLibrary(library, key);
  const uncached = {
    ok: true as const,
    encoded,
    fromCache: false,
    warnings,
    skipped,
    problems,
    ...(hooks.keepBuilt ? { built: library } : {}),
  };
  // A library without its bad files is not what the key describes: never cache it as if it were.
  if (problems.length > 0) return uncached;
  // Files edited while we read them: serve this build, but do not cache it under a key it does not match.
  if ((await corpusKey(corpusDir).catch(() => undefined)) !== key) return uncached;
  if (hooks.mayWriteCache && !hooks.mayWriteCache()) return uncached;
  const written = await writeLibraryCache(corpusDir, encoded);
  if (!written.ok) return { ...uncached, warnings: [...warnings, written.warning] };
  return { ...uncached, warnings: [...warnings, ...written.notes], cachedUnder: key };
}

/**
 * Runs {@link buildEncodedLibrary} in a worker thread, stopped after `timeoutMs` and on shutdown.
 * Compiled, the worker runs this very module. From the sources it starts from a tiny .mjs that
 * registers tsx first: Node 20 does not apply `--import tsx` to a worker's own .ts entry module.
 * Rejects with BuilderDidNotStart when the thread never came online (the caller may build another
 * way), BuilderFailed when it crashed or timed out.
 */
export function buildInWorker(
  request: BuildRequest,
  { timeoutMs = DEFAULT_BUILD_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(runsFromSource(import.meta.url) ? new URL('./tsWorker.mjs', import.meta.url) : new URL(import.meta.url), {
        workerData: { kind: WORKER_KIND, entry: import.meta.url, request },
      });
    } catch (error) {
      reject(new BuilderDidNotStart(error instanceof Error ? error.message : String(error)));
      return;
    }
    let online = false;
    let settled = false;
    let timedOut = false;
    const settle = (act: () => void) => {
      if (settled) return;
      settled = true;
      done();
      act();
    };
    const done = watchBuilder(
      () => void worker.terminate(),
      timeoutMs,
      () => {
        timedOut = true;
        void worker.terminate();
      },
      { kind: 'thread', pid: process.pid },
    );
    worker.once('online', () => (online = true));
    worker.once('message', (outcome: BuildOutcome) => settle(() => resolve(outcome)));
    worker.once('error', (error) =>
      settle(() =>
        reject(online ? new BuilderFailed(`the library builder failed: ${error.message}`) : new BuilderDidNotStart(error.message)),
      ),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new BuilderFailed(timedOut ? describeTimeout(timeoutMs) : `the library builder stopped (exit code ${code})`))),
    );
  });
}

function transferablesOf(outcome: BuildOutcome): ArrayBuffer[] {
  if (!outcome.ok || isInFile(outcome.encoded)) return [];
  return [...new Set(outcome.encoded.sections.map((section) => section.buffer as ArrayBuffer))];
}

if (!isMainThread && (workerData as { kind?: unknown } | null)?.kind === WORKER_KIND) {
  lowerPriority('thread');
  const { request } = workerData as { request: BuildRequest };
  const built = await buildEncodedLibrary(request);
  // A library read from the cache crosses as where it is in the file: the main thread reads it from there.
  const outcome = built.ok && !isInFile(built.encoded) ? { ...built, encoded: packSections(built.encoded) } : built;
  try {
    parentPort!.postMessage(outcome, transferablesOf(outcome));
  } catch {
    // A buffer that cannot be transferred (e.g. from Node's small-buffer pool) is copied instead.
    parentPort!.postMessage(outcome);
  }
}
