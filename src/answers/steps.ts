// Work written as a generator that `yield`s every few milliseconds can run in one go (a library built
// for a test or the CLI) or in slices that let the event loop run in between (a reload in the bot).

/** Lets the event loop run when it returns a promise (see `yieldEvery` in libraryCache.ts). */
export type Checkpoint = () => Promise<void> | undefined;

export function runToEnd<Result>(steps: Generator<void, Result, void>): Result {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runInSlices<Result>(steps: Generator<void, Result, void>, checkpoint: Checkpoint): Promise<Result> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const wait = checkpoint();
    if (wait) await wait;
  }
}
