// Builds a Library in a child process at low priority, for LibraryStore's reloads. A worker thread
// shares the process: on a 2-core machine its garbage collector's threads and its heap of several
// hundred MB (grown and freed beside ours) held the main thread up for 40–75 ms at a time. A child
// process, lowered in priority as a whole, only writes the library to the cache beside the corpus;
// the main thread then reads that one file. Where the cache cannot be written, the worker does it all.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CorpusError } from '../corpus/types.ts';
import { type BuildOutcome, type BuildRequest, buildEncodedLibrary, lowerPriority } from './buildLibraryWorker.ts';
import { readCacheEnvelope } from './libraryCache.ts';

/** What the child reports: never the library itself, only where the cache holds it. */
type ChildReport =
  | { ok: false; errors: CorpusError[] }
  | { ok: true; fromCache: boolean; warnings: string[]; cachedUnder?: string };

const CHILD_KIND = 'citebot-build-library-process';

/**
 * Builds in a child process and reads the result from the cache. Resolves `undefined` when the
 * child built the library but could not leave it in the cache (a read-only folder, files edited
 * meanwhile): the caller then builds another way. Rejects when the child could not run.
 */
export function buildInChildProcess(request: BuildRequest): Promise<BuildOutcome | undefined> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./tsChild.mjs', import.meta.url)), [import.meta.url], {
      execArgv: [],
      env: { ...environmentWithoutSecrets(), CITEBOT_CHILD: CHILD_KIND, CITEBOT_BUILD_REQUEST: JSON.stringify(request) },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    let report: ChildReport | undefined;
    child.once('message', (message: ChildReport) => {
      report = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!report) return reject(new Error(`the library builder process stopped (exit code ${code})`));
      if (!report.ok) return resolve(report);
      const { fromCache, warnings, cachedUnder } = report;
      if (cachedUnder === undefined) return resolve(undefined);
      readCacheEnvelope(request.corpusDir, cachedUnder).then(
        (cached) => resolve(cached.ok ? { ok: true, encoded: cached.encoded, fromCache, warnings, cachedUnder } : undefined),
        reject,
      );
    });
  });
}

/** The bot's environment minus its credentials: the builder never talks to Discord. */
function environmentWithoutSecrets(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/TOKEN|SECRET|PASSWORD|KEY/i.test(name)));
}

if (process.env.CITEBOT_CHILD === CHILD_KIND && process.send) {
  lowerPriority('process');
  const request = JSON.parse(process.env.CITEBOT_BUILD_REQUEST ?? '{}') as BuildRequest;
  const outcome = await buildEncodedLibrary(request);
  const report: ChildReport = outcome.ok
    ? { ok: true, fromCache: outcome.fromCache, warnings: outcome.warnings, ...(outcome.cachedUnder ? { cachedUnder: outcome.cachedUnder } : {}) }
    : outcome;
  process.send(report, () => process.disconnect());
}
