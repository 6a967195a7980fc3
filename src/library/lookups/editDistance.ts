// How far a typed word is from a name's word, for "did you mean" (participantNames.ts).

/** Two rows of the edit-distance table, kept between calls (names are short). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Levenshtein distance, two rows at a time; above `atMost` the exact value does not matter (any larger number). */
export function editDistance(a: string, b: string, atMost: number): number {
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
