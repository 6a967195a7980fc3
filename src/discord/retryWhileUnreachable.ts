// Start-up against a network that may not be up yet (a reboot, a container starting before its
// network): try again with growing pauses instead of exiting, until it works, the error is one that
// waiting cannot fix (a rejected token), or the bot is asked to stop.
import type { Logger } from '../logger.ts';

export interface RetryOptions {
  logger: Logger;
  /** Errors that no retry can fix: thrown at once. */
  isFatal(error: unknown): boolean;
  /** True once a shutdown was asked for: the last error is thrown instead of waiting again. */
  stopped(): boolean;
  /** First pause; doubles after each failure up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Tests: how to wait. */
  sleep?(ms: number): Promise<void>;
}

export async function retryWhileUnreachable<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { logger, isFatal, stopped, firstDelayMs = 1000, maxDelayMs = 60_000 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let delayMs = firstDelayMs;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt();
    } catch (error) {
      if (isFatal(error) || stopped()) throw error;
      logger.warn('cannot reach Discord yet; trying again', {
        attempt: attemptNumber,
        retryInMs: delayMs,
        detail: error instanceof Error ? error.message : String(error),
      });
      await sleep(delayMs);
      if (stopped()) throw error;
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}
