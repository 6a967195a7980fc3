// Keeps watch over the library builders (a child process, or a worker thread): each one runs under a
// watchdog that stops it when it takes too long, and every running builder is stopped when the bot
// shuts down, so none is left behind writing the cache after the bot is gone.

/** Default for RELOAD_TIMEOUT_SECONDS: well inside the 15 minutes a /reload's reply stays editable. */
export const DEFAULT_BUILD_TIMEOUT_MS = 10 * 60 * 1000;

/** The builder could not be started at all (no process or thread): another way may be tried. */
export class BuilderDidNotStart extends Error {
  override name = 'BuilderDidNotStart';
}

/** The builder ran and failed (crashed, ran out of memory, was stopped by the watchdog): never retried in-process. */
export class BuilderFailed extends Error {
  override name = 'BuilderFailed';
}

const running = new Set<() => void>();
const pids = new Set<number>();

export interface BuilderStarted {
  kind: 'process' | 'thread';
  /** The builder process's id (for a thread: this process's). */
  pid: number;
  /** The launcher that started the builder process (builderLauncher.ts), when it was not the bot itself. */
  launcher?: number;
}
const startListeners = new Set<(started: BuilderStarted) => void>();

/** Tells `listener` about every builder started from now on (the bot logs them). Returns the unsubscribe. */
export function onBuilderStarted(listener: (started: BuilderStarted) => void): () => void {
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}

/** Call once the builder is done; `started` tells its process id when it was not known at first. */
export interface WatchedBuilder {
  (): void;
  started(started: BuilderStarted): void;
}

/**
 * Registers a running builder's stop function, armed with a watchdog that calls `onTimeout` (which
 * must stop it) after `timeoutMs`. `started` says what runs it, now or later (a process started by the
 * launcher has its id only once the launcher answers). Returns the function to call once it is done.
 */
export function watchBuilder(stop: () => void, timeoutMs: number, onTimeout: () => void, started?: BuilderStarted): WatchedBuilder {
  running.add(stop);
  let pid: number | undefined;
  let finished = false;
  const note = (info: BuilderStarted) => {
    if (finished) return;
    if (info.kind === 'process') pids.add((pid = info.pid));
    for (const listener of startListeners) listener(info);
  };
  if (started) note(started);
  const timer = setTimeout(onTimeout, timeoutMs);
  // A build in progress must not keep a process that is otherwise done alive.
  timer.unref();
  const done = () => {
    finished = true;
    clearTimeout(timer);
    running.delete(stop);
    if (pid !== undefined) pids.delete(pid);
  };
  return Object.assign(done, { started: note });
}

/** Stops every builder still running (shutdown). */
export function stopAllBuilders(): void {
  for (const stop of [...running]) {
    running.delete(stop);
    try {
      stop();
    } catch {
      // already gone
    }
  }
}

/** How many builders are running now (tests, health checks). */
export function runningBuilderCount(): number {
  return running.size;
}

/** The process ids of the builder processes running now. */
export function runningBuilderPids(): number[] {
  return [...pids];
}

export function describeTimeout(timeoutMs: number): string {
  return `the library builder took longer than ${Math.round(timeoutMs / 1000)} s and was stopped (RELOAD_TIMEOUT_SECONDS)`;
}
