// The one binary search: where a key belongs in a sorted list.

/** The first position in `items` (sorted by `keyOf`) whose key is not below `key`; `items.length` when none. */
export function lowerBound<T, Key extends string | number>(
  items: ArrayLike<T>,
  key: Key,
  keyOf: (item: T) => Key,
  from = 0,
  to = items.length,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(items[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first position in [from, to) whose key, read by position, is not below `key`: a list read by position (an item table). */
export function lowerBoundAt<Key extends string | number>(key: Key, keyAt: (position: number) => Key, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyAt(middle) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `lowerBound` over numbers (or strings) sorted as they are, in [from, to): the first not below `value`. */
export function lowerBoundOf<Key extends string | number>(sorted: ArrayLike<Key>, value: Key, from = 0, to = sorted.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
