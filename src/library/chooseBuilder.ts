// Where a library is built, for LibraryStore: at start-up in a worker thread (in this thread where no
// thread can start), on reload in a low-priority child process (a worker where no process can start).
import { type BuildOutcome, type BuildRequest, buildEncodedLibrary, buildInWorker } from './buildLibraryWorker.ts';
import { type ChildBuildOptions, buildInChildProcess } from './buildLibraryProcess.ts';
import { BuilderDidNotStart } from './builderWatch.ts';

/**
 * A reload builds in a low-priority child process that leaves the library in the cache (see
 * buildLibraryProcess.ts); where it cannot leave it there (no cache can be written), in a worker
 * thread; where no process can be started at all, in a worker too. A builder that ran and failed
 * (crashed, out of memory, stopped by its watchdog) is never retried in-process: what made it fail
 * would make the bot itself fail.
 */
export async function buildForReload(
  request: BuildRequest,
  timeoutMs: number,
  childOptions: ChildBuildOptions = {},
): Promise<BuildOutcome> {
  try {
    const built = await buildInChildProcess(request, { timeoutMs, ...childOptions });
    if (built) return built;
  } catch (error) {
    if (!(error instanceof BuilderDidNotStart)) throw error;
  }
  return buildInWorker(request, { timeoutMs });
}

/** At start-up a worker keeps the build's garbage off the main heap; if no thread can start, build here. */
export async function buildAtStartUp(request: BuildRequest, timeoutMs: number): Promise<BuildOutcome> {
  try {
    return await buildInWorker(request, { timeoutMs });
  } catch (error) {
    if (!(error instanceof BuilderDidNotStart)) throw error;
    const outcome = await buildEncodedLibrary(request, { keepBuilt: true });
    const note = `the library was built without a worker thread (${error.message})`;
    return outcome.ok ? { ...outcome, warnings: [...outcome.warnings, note] } : outcome;
  }
}
