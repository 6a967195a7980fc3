// Builds a Library off the main thread, for LibraryStore: hash the corpus, reuse the cache when it is up
// to date, else load, validate, index, extract and write the cache; then hand the encoded library over
// with its buffers transferred (not copied), for the main thread to decode in short slices.
import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildLibrary } from '../answers/buildLibrary.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import type { CorpusError } from '../corpus/types.ts';
import { type EncodedLibrary, corpusKey, encodeLibrary, packSections, readCacheEnvelope, writeLibraryCache } from './libraryCache.ts';

export interface BuildRequest {
  corpusDir: string;
  /** Build from the articles even when the cache matches (it was found damaged). */
  ignoreCache?: boolean;
}

export type BuildOutcome =
  | { ok: false; errors: CorpusError[] }
  | {
      ok: true;
      encoded: EncodedLibrary;
      fromCache: boolean;
      warnings: string[];
      /** Set when the cache file beside the corpus now holds exactly this library, under this key. */
      cachedUnder?: string;
    };

const WORKER_KIND = 'citebot-build-library';

/** The worker's job; also callable in-process (start-up fallback, tests). */
export async function buildEncodedLibrary({ corpusDir, ignoreCache = false }: BuildRequest): Promise<BuildOutcome> {
  let key: string;
  try {
    key = await corpusKey(corpusDir);
  } catch {
    // loadCorpus words the folder's problem for the moderator.
    const loaded = await loadCorpus(corpusDir);
    return loaded.ok ? { ok: false, errors: [{ file: corpusDir, line: 0, reason: 'cannot read the corpus folder' }] } : loaded;
  }
  const cached = ignoreCache ? undefined : await readCacheEnvelope(corpusDir, key);
  if (cached?.ok) return { ok: true, encoded: cached.encoded, fromCache: true, warnings: [], cachedUnder: key };

  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) return loaded;
  const encoded = encodeLibrary(buildLibrary(loaded.corpus), key);
  // Files edited while we read them: serve this build, but do not cache it under a key it does not match.
  if ((await corpusKey(corpusDir).catch(() => undefined)) !== key) return { ok: true, encoded, fromCache: false, warnings: [] };
  const written = await writeLibraryCache(corpusDir, encoded);
  return written.ok ? { ok: true, encoded, fromCache: false, warnings: [], cachedUnder: key } : { ok: true, encoded, fromCache: false, warnings: [written.warning] };
}

/**
 * Runs {@link buildEncodedLibrary} in a worker thread. The worker starts from a tiny .mjs that
 * registers tsx first: Node 20 does not apply `--import tsx` to a worker's own .ts entry module.
 */
export function buildInWorker(request: BuildRequest): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./tsWorker.mjs', import.meta.url), {
      workerData: { kind: WORKER_KIND, entry: import.meta.url, request },
    });
    let settled = false;
    worker.once('message', (outcome: BuildOutcome) => {
      settled = true;
      resolve(outcome);
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the library builder stopped (exit code ${code})`));
      settled = true;
    });
  });
}

function transferablesOf(outcome: BuildOutcome): ArrayBuffer[] {
  if (!outcome.ok) return [];
  return [...new Set(outcome.encoded.sections.map((section) => section.buffer as ArrayBuffer))];
}

/**
 * Linux keeps a nice value per thread: lowering the builder's priority lets the main thread, which
 * answers members, win the CPU on a small machine. `process` lowers every thread this process has
 * now (threads started later inherit it); `thread` only the calling one. Best effort; elsewhere
 * nothing happens.
 */
export function lowerPriority(scope: 'thread' | 'process'): void {
  try {
    const threads = scope === 'process' ? readdirSync('/proc/self/task') : [/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]];
    for (const thread of threads) if (Number(thread) > 0) setPriority(Number(thread), 10);
  } catch {
    // not Linux, or not allowed: run at normal priority
  }
}

if (!isMainThread && (workerData as { kind?: unknown } | null)?.kind === WORKER_KIND) {
  lowerPriority('thread');
  const { request } = workerData as { request: BuildRequest };
  const built = await buildEncodedLibrary(request);
  const outcome = built.ok ? { ...built, encoded: packSections(built.encoded) } : built;
  try {
    parentPort!.postMessage(outcome, transferablesOf(outcome));
  } catch {
    // A buffer that cannot be transferred (e.g. from Node's small-buffer pool) is copied instead.
    parentPort!.postMessage(outcome);
  }
}
