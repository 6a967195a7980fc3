// Pauses for work done on the bot's own thread (decoding a reloaded library, preparing its lookups).

import type { Checkpoint } from '../text/steps.ts';

/**
 * A checkpoint that lets the event loop run once `budgetMs` of work has passed since it last did, and,
 * with `restMs`, leaves the thread idle that long before going on. Resting matters on a large heap: a
 * decode that allocates without pause outruns V8's concurrent marking, which then finishes on the main
 * thread in long pauses; with rests in between, the longest blocks of a 100k reload shrank by a third.
 */
export function yieldEvery(budgetMs: number, restMs = 0): Checkpoint {
  let sliceStarted = performance.now();
  return () => {
    if (performance.now() - sliceStarted < budgetMs) return undefined;
    return new Promise((resolve) => {
      const goOn = () => {
        sliceStarted = performance.now();
        resolve();
      };
      if (restMs > 0) setTimeout(goOn, restMs);
      else setImmediate(goOn);
    });
  };
}
