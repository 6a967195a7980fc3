// The index's terms and where each one's postings are, as three flat pieces that the library cache
// stores and loads as they are: the terms one after another in one string, where each ends, and a hash
// table (open addressing, linear probing) of term numbers. Loading a saved index then makes neither a
// string per term nor a Map entry per term: at 100k paragraphs, 190k of each, and a tenth of the load.

/** Slots checked between two yields of {@link TermTable.checkSteps}. */
const CHECK_STEP = 16_384;

/** The hash of `text.slice(start, end)`: FNV-1a over its UTF-16 code units. */
function hashOf(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Slots for `count` terms: a power of two, at most half full, so a probe ends soon. */
function slotCountFor(count: number): number {
  let size = 2;
  while (size < count * 2) size *= 2;
  return size;
}

export class TermTable {
  /**
   * @param text every term, one after another
   * @param ends where term `i` ends in `text` (it starts where term `i - 1` ends)
   * @param slots term number + 1 by hash slot, 0 where empty
   */
  constructor(
    readonly text: string,
    readonly ends: Uint32Array,
    readonly slots: Uint32Array,
  ) {}

  static of(terms: readonly string[]): TermTable {
    const ends = new Uint32Array(terms.length);
    let length = 0;
    terms.forEach((term, i) => (ends[i] = length += term.length));
    const slots = new Uint32Array(slotCountFor(terms.length));
    const mask = slots.length - 1;
    terms.forEach((term, i) => {
      let slot = hashOf(term) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = i + 1;
    });
    return new TermTable(terms.join(''), ends, slots);
  }

  get size(): number {
    return this.ends.length;
  }

  /** The term's number, or -1 when the index does not hold it. */
  indexOf(term: string): number {
    const { slots, ends, text } = this;
    const mask = slots.length - 1;
    for (let slot = hashOf(term) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const start = entry === 1 ? 0 : ends[entry - 2]!;
      if (ends[entry - 1]! - start === term.length && text.startsWith(term, start)) return entry - 1;
    }
  }

  termAt(index: number): string {
    return this.text.slice(index === 0 ? 0 : this.ends[index - 1]!, this.ends[index]!);
  }

  /** Every term, in order (for tests and tools: the index itself never needs them as strings). */
  terms(): string[] {
    return Array.from({ length: this.size }, (_, i) => this.termAt(i));
  }

  /**
   * Checks that the pieces fit together, yielding every few thousand slots so a loader can pause: ends
   * ascending to the text's end, and a table of the right size naming every term once, each where its
   * probe reaches it. Throws when they do not.
   */
  *checkSteps(): Generator<void, void, void> {
    const { ends, slots, text } = this;
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      if (ends[i]! < start) throw new Error('passage index terms: ends out of order');
      start = ends[i]!;
    }
    if (start !== text.length) throw new Error('passage index terms: ends do not cover the text');
    if (slots.length !== slotCountFor(ends.length)) throw new Error('passage index terms: table of the wrong size');
    const seen = new Uint8Array(ends.length);
    for (let from = 0; from < slots.length; from += CHECK_STEP) {
      this.checkSlots(from, Math.min(from + CHECK_STEP, slots.length), seen);
      yield;
    }
    if (seen.includes(0)) throw new Error('passage index terms: a term the table does not name');
  }

  /** Checks slots `from` to `to`, marking in `seen` the terms they name (a function of its own, which V8 optimizes, unlike a loop inside a generator). */
  private checkSlots(from: number, to: number, seen: Uint8Array): void {
    const { ends, slots, text } = this;
    const mask = slots.length - 1;
    for (let slot = from; slot < to; slot++) {
      const entry = slots[slot]!;
      if (entry === 0) continue;
      if (entry > ends.length || seen[entry - 1] === 1) throw new Error('passage index terms: the table names a term twice or none');
      seen[entry - 1] = 1;
      // Every slot from the term's own to this one is taken, or a lookup would stop before reaching it.
      const home = hashOf(text, entry === 1 ? 0 : ends[entry - 2]!, ends[entry - 1]!) & mask;
      for (let probe = home; probe !== slot; probe = (probe + 1) & mask)
        if (slots[probe] === 0) throw new Error('passage index terms: a term out of its place');
    }
  }
}
