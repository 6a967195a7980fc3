// The suggestions' own bounded cache: a Map that drops its oldest entry when full. Kept apart so the
// shared bounded map of `src/text` (issue 13) can replace it in one place.

/** Sets `key` in `map`, first dropping the oldest entry when the map holds `max` already. */
export function rememberBounded<Key, Value>(map: Map<Key, Value>, key: Key, value: Value, max: number): void {
  if (map.size >= max) map.delete(map.keys().next().value as Key);
  map.set(key, value);
}
