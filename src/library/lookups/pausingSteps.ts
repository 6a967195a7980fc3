// How the lookups' construction shares the event loop with a running bot: a pause (a `yield`) every
// ITEMS_PER_STEP items, and a sort that pauses too (see `derivedOnce` in text/steps.ts).

/**
 * Items handled between two chances to pause: a millisecond or two of work at most, even for code not yet
 * compiled (a library's first items run in the interpreter, and each may fold a few new names). A chance
 * to pause costs only a clock read when the slice still has time left.
 */
export const ITEMS_PER_STEP = 100;

/**
 * A stable merge sort that pauses between runs: sorting tens of thousands of strings at once takes
 * longer than a slice of the event loop may.
 */
export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[], void> {
  const RUN = 2_048;
  let runs: T[][] = [];
  for (let start = 0; start < items.length; start += RUN) {
    runs.push(items.slice(start, start + RUN).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) {
      const left = runs[i]!;
      const right = runs[i + 1];
      if (!right) {
        merged.push(left);
        continue;
      }
      const out: T[] = new Array(left.length + right.length);
      let a = 0;
      let b = 0;
      let k = 0;
      while (a < left.length && b < right.length) {
        out[k++] = compare(right[b]!, left[a]!) < 0 ? right[b++]! : left[a++]!;
        if (k % (RUN * 4) === 0) yield;
      }
      while (a < left.length) out[k++] = left[a++]!;
      while (b < right.length) out[k++] = right[b++]!;
      merged.push(out);
      yield;
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
