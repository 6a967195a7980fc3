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

/**
 * Registers a running builder's stop function, armed with a watchdog that calls `onTimeout` (which
 * must stop it) after `timeoutMs`. Returns the function to call once the builder is done.
 */
export function watchBuilder(stop: () => void, timeoutMs: number, onTimeout: () => void): () => void {
  running.add(stop);
  const timer = setTimeout(onTimeout, timeoutMs);
  // A build in progress must not keep a process that is otherwise done alive.
  timer.unref();
  return () => {
    clearTimeout(timer);
    running.delete(stop);
  };
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

export function describeTimeout(timeoutMs: number): string {
  return `the library builder took longer than ${Math.round(timeoutMs / 1000)} s and was stopped (RELOAD_TIMEOUT_SECONDS)`;
}
