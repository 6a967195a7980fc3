// The binary search every lookup uses on its sorted lists (names, positions, dates, ids).

/** The first position in `items` (sorted by `keyOf`) whose key is not below `key`. */
export function lowerBound<T, Key extends string | number>(items: readonly T[], key: Key, keyOf: (item: T) => Key): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(items[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
