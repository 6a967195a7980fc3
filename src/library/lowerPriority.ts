// Builders run below the bot's priority, so that on a small machine the thread answering members wins
// the CPU. Kept apart so the builder launcher (builderLauncher.ts) can use it without loading the build.
import { readdirSync, readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of builder threads and processes (0 is normal, 19 the lowest). */
const BUILDER_NICE = 10;

/**
 * Linux keeps a nice value per thread: lowering the builder's priority lets the main thread, which
 * answers members, win the CPU on a small machine. `process` lowers every thread this process has
 * now (threads and processes started later inherit it); `thread` only the calling one. Best effort;
 * elsewhere nothing happens.
 */
export function lowerPriority(scope: 'thread' | 'process'): void {
  try {
    const threads = scope === 'process' ? readdirSync('/proc/self/task') : [/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]];
    for (const thread of threads) if (Number(thread) > 0) setPriority(Number(thread), BUILDER_NICE);
  } catch {
    // not Linux, or not allowed: run at normal priority
  }
}
