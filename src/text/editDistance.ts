// The one edit distance (Levenshtein: insertions, deletions and substitutions of one UTF-16 unit
// each), as MiniSearch's fuzzy search measures it, so highlighting agrees with what search matched.

/** Two rows of the table, reused between calls: the words compared are short, the calls many. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The edit distance between `a` and `b`. With `atMost`, any distance above it comes back as
 * `atMost + 1` and the work stops as soon as that is certain.
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  if (Math.abs(a.length - b.length) > atMost) return atMost + 1;
  if (b.length + 1 > previousRow.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    // Every later cell is at least this row's smallest: past `atMost`, stop.
    if (rowMin > atMost) return atMost + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
