// A Uint32Array that grows as values are pushed: the columns of the search index and the lookups' lists
// are collected this way before they are laid out.

/** A Uint32Array that doubles as it fills: one allocation per doubling instead of one per value or list. */
export class GrowingUint32 {
  private values = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The array behind, of which the first `length` values are pushed ones (it changes as it grows). */
  get buffer(): Uint32Array {
    return this.values;
  }

  /** The values pushed, in an array of their exact size. */
  trimmed(): Uint32Array {
    return this.values.slice(0, this.length);
  }
}
