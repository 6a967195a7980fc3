// Builds a Library in a child process at low priority, for LibraryStore's reloads. A worker thread
// shares the process: on a 2-core machine its garbage collector's threads and its heap of several
// hundred MB (grown and freed beside ours) held the main thread up for 40–75 ms at a time. A child
// process, lowered in priority as a whole, only writes the library to the cache beside the corpus;
// the main thread then reads that one file. Where the cache cannot be written, the worker does it all.
//
// The child runs under a watchdog (killed after RELOAD_TIMEOUT_SECONDS), is killed when the bot shuts
// down, and exits by itself when its parent goes (the IPC channel closes); it never writes the cache
// once its parent is gone. Its environment is an allowlist: it never sees the bot's credentials.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CorpusError, SkippedFile } from '../corpus/types.ts';
import { BuilderDidNotStart, BuilderFailed, DEFAULT_BUILD_TIMEOUT_MS, describeTimeout, watchBuilder } from './builderWatch.ts';
import { type BuildOutcome, type BuildRequest, buildEncodedLibrary } from './buildLibraryWorker.ts';
import { lowerPriority } from './lowerPriority.ts';
import { readCacheEnvelope } from './cacheFile.ts';
import { type BuilderProcess, builderLauncherPid, forkThroughLauncher } from './builderLauncher.ts';
import { runsFromSource } from './runsFromSource.ts';

/** What the child reports: never the library itself, only where the cache holds it. */
type ChildReport =
  | { ok: false; errors: CorpusError[]; skipped: SkippedFile[] }
  | { ok: true; fromCache: boolean; warnings: string[]; skipped: SkippedFile[]; problems: CorpusError[]; cachedUnder?: string };

const CHILD_KIND = 'citebot-build-library-process';

/**
 * The only variables the builder gets: what Node, tsx and the locale need. Anything else (tokens,
 * database URLs with passwords, cloud keys under any name) stays in the bot.
 */
export const BUILDER_ENV_ALLOWLIST = [
  'PATH',
  'HOME',
  'USER',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  'TMP',
  'TEMP',
  'NODE_ENV',
  'NODE_OPTIONS',
  'SYSTEMROOT',
  'TSX_TSCONFIG_PATH',
] as const;

export function builderEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const allowed = new Set<string>(BUILDER_ENV_ALLOWLIST);
  return Object.fromEntries(Object.entries(env).filter(([name]) => allowed.has(name) || name.startsWith('LC_')));
}

export interface ChildBuildOptions {
  timeoutMs?: number;
  /** Tests: a module to run instead of the builder (e.g. one that never ends), as a file URL. */
  entry?: string;
}

/**
 * Builds in a child process and reads the result from the cache. Resolves `undefined` when the
 * child built the library but could not leave it in the cache (a read-only folder, files edited
 * meanwhile, a build that left bad files out): the caller then builds another way. Rejects with
 * BuilderDidNotStart when no process could be started, BuilderFailed when it crashed or timed out.
 */
export function buildInChildProcess(request: BuildRequest, options: ChildBuildOptions = {}): Promise<BuildOutcome | undefined> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
  const entry = options.entry ?? import.meta.url;
  // Compiled, the child runs this very module; from the sources, tsChild.mjs registers tsx first.
  const [script, args] = runsFromSource(entry) ? [new URL('./tsChild.mjs', import.meta.url), [entry]] : [new URL(entry), []];
  return new Promise((resolve, reject) => {
    const env = { ...builderEnvironment(), CITEBOT_CHILD: CHILD_KIND, CITEBOT_BUILD_REQUEST: JSON.stringify(request) };
    let child: BuilderProcess;
    try {
      // Through the launcher when one runs (a fork from the bot, as large as its library, blocks it).
      child =
        forkThroughLauncher(fileURLToPath(script), args, env) ??
        fork(fileURLToPath(script), args, { execArgv: [], env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    } catch (error) {
      reject(new BuilderDidNotStart(error instanceof Error ? error.message : String(error)));
      return;
    }
    let started = false;
    let timedOut = false;
    let report: ChildReport | undefined;
    const pidAtFork = child.pid;
    const done = watchBuilder(
      () => child.kill('SIGKILL'),
      timeoutMs,
      () => {
        timedOut = true;
        child.kill('SIGKILL');
      },
      pidAtFork === undefined ? undefined : { kind: 'process', pid: pidAtFork },
    );
    child.once('spawn', () => {
      started = true;
      const launcher = builderLauncherPid();
      if (pidAtFork === undefined && child.pid !== undefined)
        done.started({ kind: 'process', pid: child.pid, ...(launcher === undefined ? {} : { launcher }) });
    });
    child.once('message', (message: unknown) => {
      report = message as ChildReport; // our own child's one message
    });
    child.once('error', (error) => {
      if (started) return; // 'exit' follows and reports it
      done();
      reject(new BuilderDidNotStart(error.message));
    });
    child.once('exit', (code, signal) => {
      done();
      if (timedOut) return reject(new BuilderFailed(describeTimeout(timeoutMs)));
      if (!report)
        return reject(new BuilderFailed(`the library builder process stopped (${signal ? `signal ${signal}` : `exit code ${code}`})`));
      if (!report.ok) return resolve(report);
      const { fromCache, warnings, cachedUnder, skipped, problems } = report;
      if (cachedUnder === undefined) return resolve(undefined);
      readCacheEnvelope(request.corpusDir, cachedUnder).then(
        (cached) =>
          resolve(cached.ok ? { ok: true, encoded: cached.encoded, fromCache, warnings, skipped, problems, cachedUnder } : undefined),
        reject,
      );
    });
  });
}

if (process.env.CITEBOT_CHILD === CHILD_KIND && process.send) {
  // The bot went away (shut down, killed, crashed): stop at the next turn of the event loop.
  process.once('disconnect', () => process.exit(0));
  lowerPriority('process');
  const request = JSON.parse(process.env.CITEBOT_BUILD_REQUEST ?? '{}') as BuildRequest;
  const outcome = await buildEncodedLibrary(request, { mayWriteCache: () => process.connected });
  const report: ChildReport = outcome.ok
    ? {
        ok: true,
        fromCache: outcome.fromCache,
        warnings: outcome.warnings,
        skipped: outcome.skipped,
        problems: outcome.problems,
        ...(outcome.cachedUnder ? { cachedUnder: outcome.cachedUnder } : {}),
      }
    : outcome;
  if (process.connected) process.send(report, () => process.disconnect());
}
