// The one bounded cache: a Map that keeps what was used lately and lets the rest go, with the cost of a
// plain Map lookup on a hit (the tokenizer's cache is hit millions of times while indexing, so a hit may
// not reorder anything). Two generations: entries go into the young one; when it is full it becomes the
// old one and the previous old one is dropped. An entry found in the old generation moves back to the
// young one, so whatever is used at least once per generation stays: least recently used out, in bulk.

export class BoundedMap<Key, Value> {
  private young = new Map<Key, Value>();
  private old = new Map<Key, Value>();
  private readonly generation: number;

  /** Keeps at most `capacity` entries, and at least the `capacity / 2` used last. */
  constructor(readonly capacity: number) {
    if (!(capacity >= 2)) throw new Error(`a bounded map holds at least two entries (asked for ${capacity})`);
    this.generation = Math.floor(capacity / 2);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** The value kept for `key` (now counted as used); undefined when none is kept. */
  get(key: Key): Value | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aging = this.old.get(key);
    if (aging !== undefined) this.set(key, aging);
    return aging;
  }

  has(key: Key): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  /** Keeps `value` for `key` as used just now. */
  set(key: Key, value: Value): this {
    this.old.delete(key);
    if (!this.young.has(key) && this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return this;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
