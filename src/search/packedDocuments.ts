// The postings' paragraph numbers, packed. At 1M paragraphs there are ~90M postings: as a Uint32Array
// they were 361 MB, the largest single part of the library, and a reload held two of them at once. Each
// term's paragraphs ascend, mostly in small steps, so a block of 64 postings is kept as its smallest
// paragraph and, for each posting, its distance from that one in as few bits as the block's widest
// distance needs ("frame of reference"): about 11 bits a posting at 1M paragraphs, 126 MB. Any posting
// is still read by position in a few operations, with no decoding ahead of it: queries gallop through
// the lists (postingColumns.ts) and walk them backwards as well as forwards.

/** Postings per block: a block's bits then fill whole 32-bit words (64 × width bits = 2 × width words). */
const BLOCK_SHIFT = 6;
export const POSTINGS_PER_BLOCK = 1 << BLOCK_SHIFT;
const IN_BLOCK = POSTINGS_PER_BLOCK - 1;

export class PackedDocuments {
  /** Where each block's words start in `words`. */
  private readonly wordStarts: Uint32Array;

  /** Checks that the parts fit together (a cache's sections); throws when they do not. */
  constructor(
    readonly length: number,
    /** Per block, its smallest value. */
    readonly bases: Uint32Array,
    /** Per block, the bits of each of its offsets from the base (0..32). */
    readonly widths: Uint8Array,
    /** The offsets, block after block, each block 2 × width words, low bits first. */
    readonly words: Uint32Array,
  ) {
    const blocks = Math.ceil(length / POSTINGS_PER_BLOCK);
    if (bases.length !== blocks || widths.length !== blocks) throw new Error('packed postings: block counts do not match');
    this.wordStarts = new Uint32Array(blocks);
    let word = 0;
    for (let block = 0; block < blocks; block++) {
      const width = widths[block]!;
      if (width > 32) throw new Error('packed postings: a block wider than 32 bits');
      this.wordStarts[block] = word;
      word += 2 * width;
    }
    if (word !== words.length) throw new Error('packed postings: words do not match the widths');
  }

  /** The value at `position` (0..length-1). */
  at(position: number): number {
    const block = position >>> BLOCK_SHIFT;
    const width = this.widths[block]!;
    if (width === 0) return this.bases[block]!;
    const bit = (position & IN_BLOCK) * width;
    const word = this.wordStarts[block]! + (bit >>> 5);
    const shift = bit & 31;
    let offset = this.words[word]! >>> shift;
    // The offset runs on into the next word (a word of the same block: see the class comment).
    if (shift + width > 32) offset |= this.words[word + 1]! << (32 - shift);
    return this.bases[block]! + (width === 32 ? offset >>> 0 : offset & ((1 << width) - 1));
  }

  /** Values [start, end) as a new array (tests, and checks that read a stretch whole). */
  slice(start = 0, end = this.length): Uint32Array {
    const values = new Uint32Array(Math.max(0, end - start));
    for (let position = start; position < end; position++) values[position - start] = this.at(position);
    return values;
  }

  /** Bytes held (the bench's and the README's figures). */
  get byteLength(): number {
    return this.bases.byteLength + this.widths.byteLength + this.words.byteLength + this.wordStarts.byteLength;
  }

  static pack(values: ArrayLike<number>): PackedDocuments {
    const { length } = values;
    const blocks = Math.ceil(length / POSTINGS_PER_BLOCK);
    const bases = new Uint32Array(blocks);
    const widths = new Uint8Array(blocks);
    let words = 0;
    for (let block = 0; block < blocks; block++) {
      const start = block * POSTINGS_PER_BLOCK;
      const end = Math.min(length, start + POSTINGS_PER_BLOCK);
      let low = values[start]!;
      let high = low;
      for (let position = start + 1; position < end; position++) {
        const value = values[position]!;
        if (value < low) low = value;
        else if (value > high) high = value;
      }
      bases[block] = low;
      widths[block] = bitsFor(high - low);
      words += 2 * widths[block]!;
    }
    const packed = new Uint32Array(words);
    let word = 0;
    for (let block = 0; block < blocks; block++) {
      const width = widths[block]!;
      const start = block * POSTINGS_PER_BLOCK;
      const end = Math.min(length, start + POSTINGS_PER_BLOCK);
      for (let position = start; position < end; position++) {
        const offset = values[position]! - bases[block]!;
        const bit = (position - start) * width;
        const at = word + (bit >>> 5);
        const shift = bit & 31;
        packed[at]! |= offset << shift;
        if (shift + width > 32) packed[at + 1]! |= offset >>> (32 - shift);
      }
      word += 2 * width;
    }
    return new PackedDocuments(length, bases, widths, packed);
  }
}

/** Bits that hold `value` (0 for 0). */
function bitsFor(value: number): number {
  return value === 0 ? 0 : 32 - Math.clz32(value);
}
