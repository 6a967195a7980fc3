// How often each posting's term occurs in its paragraph, one byte per posting. Almost every frequency
// is tiny (a word said once or twice in a paragraph), so a Uint32 per posting spent three bytes of zeros
// on ~9M postings at 100k paragraphs (~400 MB at 1M). The rare frequency of 255 or more is marked
// OVERFLOW in its byte and kept exactly in a small overflow table, so every score stays the same.
// The bytes are then packed with the postings' paragraphs (packedColumn.ts): a frequency of 1 or 2, most
// of them, takes a bit or two.
import { lowerBoundOf } from '../text/lowerBound.ts';

/** The byte of a posting whose frequency is in the overflow table. */
export const OVERFLOW = 255;

/** The frequencies of 255 or more, by posting position (ascending), exactly. */
export class FrequencyOverflow {
  constructor(
    /** Positions in the posting columns of the postings marked {@link OVERFLOW}, ascending. */
    readonly positions: Uint32Array,
    /** Their frequencies, each 255 or more. */
    readonly frequencies: Uint32Array,
  ) {}

  /** The frequency of the posting at `position`, which must be marked {@link OVERFLOW}. */
  frequencyAt(position: number): number {
    const at = lowerBoundOf(this.positions, position);
    if (this.positions[at] !== position) throw new Error('passage index columns: a large frequency missing from its table');
    return this.frequencies[at]!;
  }
}

export const NO_OVERFLOW = new FrequencyOverflow(new Uint32Array(0), new Uint32Array(0));

/** Writes frequencies into a byte column, collecting the large ones, in any order of positions. */
export class FrequencyColumnWriter {
  readonly bytes: Uint8Array;
  private readonly large: Array<[position: number, frequency: number]> = [];

  constructor(length: number) {
    this.bytes = new Uint8Array(length);
  }

  set(position: number, frequency: number): void {
    if (frequency < OVERFLOW) {
      this.bytes[position] = frequency;
      return;
    }
    this.bytes[position] = OVERFLOW;
    this.large.push([position, frequency]);
  }

  finish(): { frequencies: Uint8Array; overflowPositions: Uint32Array; overflowFrequencies: Uint32Array } {
    const large = this.large.sort((a, b) => a[0] - b[0]);
    return {
      frequencies: this.bytes,
      overflowPositions: Uint32Array.from(large, ([position]) => position),
      overflowFrequencies: Uint32Array.from(large, ([, frequency]) => frequency),
    };
  }
}

/**
 * Checks the overflow table's entry for the posting at `at`, marked {@link OVERFLOW}: the entry at
 * `overflowAt` (those before it belong to earlier postings) must name it, with a frequency too large for
 * its byte. Returns where the next marked posting's entry is. Postings are checked in order of position,
 * so an entry of no marked posting, or one out of order, is never reached (the caller checks the count).
 */
export function checkOverflowEntry(
  overflowPositions: Uint32Array,
  overflowFrequencies: Uint32Array,
  at: number,
  overflowAt: number,
): number {
  if (overflowPositions[overflowAt] !== at) throw new Error('passage index columns: a large frequency missing from its table');
  if (overflowFrequencies[overflowAt]! < OVERFLOW) throw new Error('passage index columns: a small frequency in the table of large ones');
  return overflowAt + 1;
}
