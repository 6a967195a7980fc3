// Work written as a generator that `yield`s every few milliseconds can run in one go (a library built
// for a test or the CLI) or in slices that let the event loop run in between (a reload in the bot).

/** Lets the event loop run when it returns a promise (see `yieldEvery` in src/library/yieldEvery.ts). */
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

/**
 * A value derived once per key (a library): computed in one go on first `get`, or ahead of need, in
 * slices, by `prepare`. Kept as long as the key lives.
 */
export function derivedOnce<Key extends object, Value>(steps: (key: Key) => Generator<void, Value, void>) {
  const values = new WeakMap<Key, Value>();
  return {
    get(key: Key): Value {
      let value = values.get(key);
      if (value === undefined) values.set(key, (value = runToEnd(steps(key))));
      return value;
    },
    async prepare(key: Key, checkpoint: Checkpoint): Promise<void> {
      if (!values.has(key)) values.set(key, await runInSlices(steps(key), checkpoint));
    },
    /** The value as steps of another derivation (pausing as it is computed), or at once when it is kept. */
    *stepsOf(key: Key): Generator<void, Value, void> {
      let value = values.get(key);
      if (value === undefined) values.set(key, (value = yield* steps(key)));
      return value;
    },
    /** Keeps `value` for `key` as if computed (one read back from the library's cache), unless one is kept. */
    seed(key: Key, value: Value): void {
      if (!values.has(key)) values.set(key, value);
    },
  };
}
