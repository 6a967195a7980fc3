// The postings' columns, packed: their paragraph numbers and their frequencies. At 1M paragraphs there
// are ~90M postings: their paragraphs as a Uint32Array were 361 MB, the largest single part of the
// library, their frequencies as bytes 90 MB, and a reload held two of each at once. Each term's
// paragraphs ascend, mostly in small steps, and almost every frequency is 1 or 2, so a block of 64
// postings is kept as its smallest value and, for each posting, its distance from that one in as few
// bits as the block's widest distance needs ("frame of reference"): at 1M paragraphs about 11 bits a
// paragraph (126 MB) and 2 bits a frequency.
//
// Any posting is read by position in a few operations, with nothing decoded ahead of it: queries
// gallop through lists, walk them backwards as well as forwards, and stop early (postingColumns.ts).
// (Decoding each list a query reads instead, whole, made /ask at 1M paragraphs four times as slow.)
//
// The cache always stores them packed. A small library unpacks them once, at the open (see
// UNPACKED_UP_TO), and its queries read plain arrays.

/** Postings per block: a block's bits then fill whole 32-bit words (64 × width bits = 2 × width words). */
const BLOCK_SHIFT = 6;
export const POSTINGS_PER_BLOCK = 1 << BLOCK_SHIFT;
const IN_BLOCK = POSTINGS_PER_BLOCK - 1;

/**
 * Up to this many postings (64 MB as a Uint32Array; ~9M at 100k paragraphs), the column is unpacked at
 * the open: reading packed postings made /ask at 100k paragraphs 1.5 times as slow. Past it, the column
 * is hundreds of megabytes and stays packed.
 */
export const UNPACKED_UP_TO = 16 * 1024 * 1024;

/** The packed form, as the cache stores it. */
export interface PackedParts {
  /** Per block, its smallest value. */
  bases: Uint32Array;
  /** Per block, the bits of each of its offsets from the base (0..32). */
  widths: Uint8Array;
  /** The offsets, block after block, each block 2 × width words, low bits first. */
  words: Uint32Array;
}

/** What a column is unpacked into: paragraphs into 32 bits each, frequencies (each under 256) into a byte. */
export type Plain = Uint32Array | Uint8Array;
type PlainOf<Kind extends 'u32' | 'u8'> = Kind extends 'u32' ? Uint32Array : Uint8Array;

export class PackedColumn<Kind extends 'u32' | 'u8' = 'u32'> {
  private packed: (PackedParts & { wordStarts: Uint32Array }) | undefined;
  private plain: PlainOf<Kind> | undefined;

  /** Checks that the parts fit together (a cache's sections); throws when they do not. */
  constructor(
    readonly length: number,
    parts: PackedParts,
    /** What {@link unpack} makes: 'u8' for values under 256. */
    private readonly kind: Kind = 'u32' as Kind,
  ) {
    const { bases, widths, words } = parts;
    const blocks = Math.ceil(length / POSTINGS_PER_BLOCK);
    if (bases.length !== blocks || widths.length !== blocks) throw new Error('passage index columns: packed, block counts do not match');
    const wordStarts = new Uint32Array(blocks);
    let word = 0;
    for (let block = 0; block < blocks; block++) {
      const width = widths[block]!;
      if (width > 32) throw new Error('passage index columns: packed, a block wider than 32 bits');
      wordStarts[block] = word;
      word += 2 * width;
    }
    if (word !== words.length) throw new Error('passage index columns: packed, words do not match the widths');
    this.packed = { bases, widths, words, wordStarts };
    // Stored as they are (a small library's, see rawParts): used in place, nothing decoded.
    if (isRaw(parts, RAW_WIDTH[kind])) {
      this.plain = (kind === 'u32' ? words.subarray(0, length) : new Uint8Array(words.buffer, words.byteOffset, length)) as PlainOf<Kind>;
      this.packed = undefined;
    }
  }

  static pack(values: ArrayLike<number>): PackedColumn<'u32'>;
  static pack<Kind extends 'u32' | 'u8'>(values: ArrayLike<number>, kind: Kind): PackedColumn<Kind>;
  static pack(values: ArrayLike<number>, kind: 'u32' | 'u8' = 'u32'): PackedColumn<'u32' | 'u8'> {
    return new PackedColumn(values.length, packParts(values), kind);
  }

  /** Whether the column is held unpacked (see {@link unpack}). */
  get isUnpacked(): boolean {
    return this.plain !== undefined;
  }

  /** Holds the column unpacked from now on, and lets the packed form go. */
  unpack(): void {
    for (const _ of this.unpackSteps()) {
      // All in one go.
    }
  }

  /**
   * {@link unpack} in steps of about `perStep` values, so that a reload's open lets the event loop run
   * between them (at 16M postings the whole took over 100 ms). The column stays packed until the last.
   */
  *unpackSteps(perStep = 1 << 20): Generator<void, void, void> {
    if (this.plain) return;
    const values = this.kind === 'u32' ? new Uint32Array(this.length) : new Uint8Array(this.length);
    // Decoded into 32 bits first: a byte's value that does not fit is a damaged cache, refused, never cut short.
    const stretch = this.kind === 'u8' ? new Uint32Array(Math.min(this.length, perStep)) : undefined;
    for (let start = 0; start < this.length; start += perStep) {
      const count = Math.min(perStep, this.length - start);
      if (stretch === undefined) {
        this.decodeInto(start, count, values.subarray(start, start + count));
      } else {
        this.decodeInto(start, count, stretch);
        if (!fitsBytes(stretch, count)) throw new Error('passage index columns: packed, a value too large for a byte');
        values.set(stretch.subarray(0, count), start);
      }
      yield;
    }
    this.plain = values as PlainOf<Kind>;
    this.packed = undefined;
  }

  /** Values [start, start + count) as a view of the unpacked column; undefined while packed. */
  view(start: number, count: number): PlainOf<Kind> | undefined {
    return this.plain?.subarray(start, start + count) as PlainOf<Kind> | undefined;
  }

  /**
   * The packed form, for the cache. An unpacked column (a small library's) is stored as it is held, each
   * block "packed" with a base of 0 and its values' full width, so that the open uses it in place with
   * nothing to decode: decoding made the open at 100k paragraphs 0.15 s slower.
   */
  parts(): PackedParts {
    if (!this.packed) return rawParts(this.plain!, RAW_WIDTH[this.kind]);
    const { bases, widths, words } = this.packed;
    return { bases, widths, words };
  }

  /** The value at `position` (0..length-1). */
  at(position: number): number {
    if (this.plain !== undefined) return this.plain[position]!;
    const { bases, widths, words, wordStarts } = this.packed!;
    const block = position >>> BLOCK_SHIFT;
    const width = widths[block]!;
    if (width === 0) return bases[block]!;
    const bit = (position & IN_BLOCK) * width;
    const word = wordStarts[block]! + (bit >>> 5);
    const shift = bit & 31;
    let offset = words[word]! >>> shift;
    // The offset runs on into the next word (a word of the same block: see the class comment).
    if (shift + width > 32) offset |= words[word + 1]! << (32 - shift);
    return bases[block]! + ((offset & (width === 32 ? -1 : (1 << width) - 1)) >>> 0);
  }

  /**
   * Sets `dense[value]` to `bytes[i]` (to 0 without `bytes`) for the values at [start, start + count),
   * decoding a block at a time: a posting list lending or returning a dense view (postingColumns.ts).
   */
  scatter(start: number, count: number, dense: Uint8Array, bytes: Uint8Array | undefined): void {
    // An unpacked column is read through views (postingColumns.ts fills from them itself).
    if (this.packed === undefined) throw new Error('passage index columns: scatter reads a packed column');
    const { bases, widths, words, wordStarts } = this.packed!;
    const end = start + count;
    let position = start;
    while (position < end) {
      const block = position >>> BLOCK_SHIFT;
      const base = bases[block]!;
      const width = widths[block]!;
      const blockEnd = Math.min(end, (block + 1) << BLOCK_SHIFT);
      const mask = width === 32 ? -1 : (1 << width) - 1;
      const firstWord = wordStarts[block]!;
      for (let bit = (position & IN_BLOCK) * width; position < blockEnd; position++, bit += width) {
        let value = base;
        if (width !== 0) {
          const word = firstWord + (bit >>> 5);
          const shift = bit & 31;
          let offset = words[word]! >>> shift;
          if (shift + width > 32) offset |= words[word + 1]! << (32 - shift);
          value += (offset & mask) >>> 0;
        }
        dense[value] = bytes === undefined ? 0 : bytes[position - start]!;
      }
    }
  }

  /** Writes the values at [start, start + count) into `into` from 0, a block at a time (a byte each must hold them). */
  decodeInto(start: number, count: number, into: Plain): void {
    if (start < 0 || count < 0 || start + count > this.length || count > into.length)
      throw new Error('passage index columns: packed, outside the column');
    if (this.plain) {
      into.set(this.plain.subarray(start, start + count));
      return;
    }
    const { bases, widths, words, wordStarts } = this.packed!;
    const end = start + count;
    let position = start;
    let out = 0;
    while (position < end) {
      const block = position >>> BLOCK_SHIFT;
      const base = bases[block]!;
      const width = widths[block]!;
      const blockEnd = Math.min(end, (block + 1) << BLOCK_SHIFT);
      if (width === 0) {
        into.fill(base, out, out + blockEnd - position);
        out += blockEnd - position;
        position = blockEnd;
        continue;
      }
      const mask = width === 32 ? -1 : (1 << width) - 1;
      const firstWord = wordStarts[block]!;
      for (let bit = (position & IN_BLOCK) * width; position < blockEnd; position++, bit += width) {
        const word = firstWord + (bit >>> 5);
        const shift = bit & 31;
        let offset = words[word]! >>> shift;
        // The offset runs on into the next word (a word of the same block: see the class comment).
        if (shift + width > 32) offset |= words[word + 1]! << (32 - shift);
        into[out++] = base + ((offset & mask) >>> 0);
      }
    }
  }

  /** Values [start, end) as a new array. */
  slice(start = 0, end = this.length): Uint32Array {
    const values = new Uint32Array(Math.max(0, end - start));
    this.decodeInto(start, values.length, values);
    return values;
  }
}

/** The width of a block holding values as they are: a paragraph's 32 bits, a frequency's byte. */
const RAW_WIDTH = { u32: 32, u8: 8 } as const;

/** Every block "packed" with a base of 0 and a width of `width` bits: the values as they are, padded to whole blocks. */
function rawParts(values: Uint32Array | Uint8Array, width: number): PackedParts {
  const blocks = Math.ceil(values.length / POSTINGS_PER_BLOCK);
  const words = new Uint32Array((blocks * POSTINGS_PER_BLOCK * width) / 32);
  // Low bits first in little-endian words (the cache is refused on other machines): the values' own bytes.
  new Uint8Array(words.buffer).set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  return { bases: new Uint32Array(blocks), widths: new Uint8Array(blocks).fill(width), words };
}

function isRaw({ bases, widths }: PackedParts, width: number): boolean {
  if (widths.length === 0) return false;
  for (let block = 0; block < widths.length; block++) if (widths[block] !== width || bases[block] !== 0) return false;
  return true;
}

function packParts(values: ArrayLike<number>): PackedParts {
  const { length } = values;
  const blocks = Math.ceil(length / POSTINGS_PER_BLOCK);
  const bases = new Uint32Array(blocks);
  const widths = new Uint8Array(blocks);
  let wordCount = 0;
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
    wordCount += 2 * widths[block]!;
  }
  const words = new Uint32Array(wordCount);
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
      words[at]! |= offset << shift;
      if (shift + width > 32) words[at + 1]! |= offset >>> (32 - shift);
    }
    word += 2 * width;
  }
  return { bases, widths, words };
}

function fitsBytes(values: Uint32Array, count: number): boolean {
  for (let i = 0; i < count; i++) if (values[i]! > 0xff) return false;
  return true;
}

/** Bits that hold `value` (0 for 0). */
function bitsFor(value: number): number {
  return value === 0 ? 0 : 32 - Math.clz32(value);
}
