// Lists of strings as the cache stores them: the strings one after another in one text section, and
// where each ends (in UTF-16 code units, a JS string's own offsets) in a Uint32 section. Read back with
// a `toString` of the whole (UTF-8) or of a few megabytes at a time (UTF-16), and a slice per string
// (V8 keeps a slice as a reference into its string). A UTF-16 section is asked of its source one
// stretch at a time, so that its bytes (the bodies: 640 MB at 1M paragraphs) are never held whole. JSON arrays of strings cost more to parse: V8
// looks every short string value up in its table of internalized strings (190k search terms at 100k
// paragraphs took 100 ms to parse, ten times as long as as many longer strings).
//
// UTF-16 for Vietnamese text: it is read back as a copy of its bytes, where UTF-8 of Vietnamese decoded
// three times slower (the bodies at 100k paragraphs: 250 ms against 90 ms). UTF-8 for ASCII text (ids,
// terms): half the bytes, decoded as fast, and V8 then keeps a byte per character.

import type { StringList } from '../text/listByIndex.ts';

/** With the `u` flag a surrogate pair is one character, so this finds only a surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** How a text section's bytes encode its text. */
export type TextEncoding = 'utf8' | 'utf16le';

export interface EncodedText {
  bytes: Uint8Array;
  encoding: TextEncoding;
}

/** The strings as one text section and their ends, in `preferred` when that keeps them exactly (see encodeText). */
export function encodeTextTable(strings: readonly string[], preferred: TextEncoding): { text: EncodedText; ends: Uint32Array } {
  const ends = new Uint32Array(strings.length);
  let length = 0;
  strings.forEach((text, i) => (ends[i] = length += text.length));
  return { text: encodeText(strings.join(''), preferred), ends };
}

/**
 * One string as a section of its own bytes: UTF-8 when preferred and the text is well formed, else
 * UTF-16LE, which keeps every JS string exactly, a lone surrogate included.
 */
export function encodeText(text: string, preferred: TextEncoding): EncodedText {
  const encoding = preferred === 'utf8' && !LONE_SURROGATE.test(text) ? 'utf8' : 'utf16le';
  // Not from Node's shared pool: the section owns its memory and can be transferred to another thread.
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, encoding));
  const written = bytes.write(text, 0, encoding);
  if (written !== bytes.byteLength) throw new Error('library cache: a text did not encode whole');
  return { bytes: new Uint8Array(bytes.buffer, 0, bytes.byteLength), encoding };
}

/**
 * A text section read a stretch at a time: `read(start, end)` gives its bytes [start, end) as a view
 * that is valid only until the next call, and the stretches are asked for in order, each starting
 * where the last ended (so a source can checksum them as they pass).
 */
export interface TextSource {
  encoding: TextEncoding;
  byteLength: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A section already in memory as a source. */
export function textInMemory({ bytes, encoding }: EncodedText): TextSource {
  return { encoding, byteLength: bytes.byteLength, read: async (start, end) => bytes.subarray(start, end) };
}

/** The whole text of a section, read in one stretch (the UTF-8 sections: ids and terms, tens of megabytes at most). */
export async function decodeText(text: EncodedText | TextSource): Promise<string> {
  const source = 'bytes' in text ? textInMemory(text) : text;
  return asBuffer(await source.read(0, source.byteLength)).toString(source.encoding);
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Strings cut between two calls of `pause`. */
const STRINGS_PER_PAUSE = 4096;
/**
 * UTF-16 code units decoded in one `toString`: a few milliseconds of copying at most, and over Node's
 * threshold (about a megabyte) for keeping a decoded string outside the JS heap, so that the text (at
 * 100k paragraphs, 67 MB of bodies) is neither held by the heap nor copied by its garbage collector.
 */
const CHUNK_UNITS = 2 * 1024 * 1024;

/**
 * A table of strings read back from the cache, each cut from its stretch of decoded text when asked
 * rather than kept: the items' strings (names, titles, places, summaries) were 290k strings at 1M
 * paragraphs, which every full collection walked and which a member's command reads a few of.
 */
export class TextColumn implements StringList {
  readonly #stretches: readonly string[];
  /** Where each stretch starts in the table's text (UTF-16 code units), ascending. */
  readonly #stretchStarts: readonly number[];
  /** Per stretch, whether it was made a string (see `wanted` in decodeTextColumn). */
  readonly #stretchWanted: readonly boolean[];
  /** Where each string ends in the table's text. */
  readonly #ends: Uint32Array;

  constructor(stretches: readonly string[], stretchStarts: readonly number[], stretchWanted: readonly boolean[], ends: Uint32Array) {
    this.#stretches = stretches;
    this.#stretchStarts = stretchStarts;
    this.#stretchWanted = stretchWanted;
    this.#ends = ends;
  }

  get length(): number {
    return this.#ends.length;
  }

  /** String `index`, or undefined outside the table or when its stretch was not wanted. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#ends.length) return undefined;
    const start = index === 0 ? 0 : this.#ends[index - 1]!;
    const end = this.#ends[index]!;
    // An empty string may sit at the edge of two stretches: it is '' whichever holds it.
    if (start === end) return '';
    // The last stretch starting at or before `start`: a stretch holds whole strings only.
    const starts = this.#stretchStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= start) low = middle;
      else high = middle - 1;
    }
    if (!this.#stretchWanted[low]) return undefined;
    return this.#stretches[low]!.slice(start - starts[low]!, end - starts[low]!);
  }
}

/**
 * The strings back from their text and ends, as a column that cuts each when asked, pausing between
 * stretches; throws on ends that do not fit the text. A UTF-16 text is read `chunkUnits` code units at
 * a time (more for one longer string), each stretch holding whole strings only; tests make it small to
 * cut a table into many stretches.
 *
 * With `wanted`, a UTF-16 table makes text only for the stretches that hold a string it wants (a
 * string of another stretch is `undefined`, unless empty): a stretch holding none of them is still read,
 * so that its source can checksum it, but never made into a string. A reload that keeps the bodies of
 * its unchanged articles so creates no text for them: at 1M paragraphs that was 640 MB, which V8 counts
 * as new external memory and answered with a full collection of the whole heap, the library being
 * served included, every 64 MB.
 */
export async function decodeTextColumn(
  text: EncodedText | TextSource,
  ends: Uint32Array,
  pause?: () => Promise<void>,
  chunkUnits = CHUNK_UNITS,
  wanted?: (index: number) => boolean,
): Promise<TextColumn> {
  const source = 'bytes' in text ? textInMemory(text) : text;
  if (source.encoding === 'utf8') {
    const whole = await decodeText(source);
    checkEnds(ends, whole.length);
    return new TextColumn([whole], [0], [true], ends);
  }
  const length = source.byteLength / 2;
  if (!Number.isInteger(length)) throw new Error('library cache: UTF-16 text of an odd length');
  checkEnds(ends, length);
  const stretches: string[] = [];
  const stretchStarts: number[] = [];
  const stretchWanted: boolean[] = [];
  let i = 0;
  while (i < ends.length) {
    // A pause before each stretch: 4,096 article bodies are tens of megabytes, decoded in one stretch of
    // 30 ms at 100k paragraphs and 50 ms at 1M.
    if (pause && i > 0) await pause();
    // The next stretch of whole strings, string i at least, up to chunkUnits.
    const stretchStart = i === 0 ? 0 : ends[i - 1]!;
    let next = i + 1;
    while (next < ends.length && ends[next]! - stretchStart <= chunkUnits) next++;
    const stretchEnd = ends[next - 1]!;
    let stretchIsWanted = wanted === undefined;
    for (let j = i; j < next && !stretchIsWanted; j++) stretchIsWanted = wanted!(j);
    const bytes = await source.read(2 * stretchStart, 2 * stretchEnd);
    stretches.push(stretchIsWanted ? asBuffer(bytes).toString('utf16le') : '');
    stretchStarts.push(stretchStart);
    stretchWanted.push(stretchIsWanted);
    i = next;
  }
  return new TextColumn(stretches, stretchStarts, stretchWanted, ends);
}

function checkEnds(ends: Uint32Array, length: number): void {
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    if (ends[i]! < start || ends[i]! > length) throw new Error('library cache: text table out of order');
    start = ends[i]!;
  }
  if (start !== length) throw new Error('library cache: text table does not cover its text');
}

/** As decodeTextColumn, every string cut at once into an array (see there). */
export async function decodeTextTable(
  text: EncodedText | TextSource,
  ends: Uint32Array,
  pause?: () => Promise<void>,
  chunkUnits?: number,
): Promise<string[]>;
export async function decodeTextTable(
  text: EncodedText | TextSource,
  ends: Uint32Array,
  pause: (() => Promise<void>) | undefined,
  chunkUnits: number | undefined,
  wanted: (index: number) => boolean,
): Promise<(string | undefined)[]>;
export async function decodeTextTable(
  text: EncodedText | TextSource,
  ends: Uint32Array,
  pause?: () => Promise<void>,
  chunkUnits = CHUNK_UNITS,
  wanted?: (index: number) => boolean,
): Promise<(string | undefined)[]> {
  const column = await decodeTextColumn(text, ends, pause, chunkUnits, wanted);
  const strings: (string | undefined)[] = new Array(column.length);
  for (let i = 0; i < column.length; i++) {
    strings[i] = wanted === undefined || wanted(i) ? column.get(i) : undefined;
    if (pause && i % STRINGS_PER_PAUSE === STRINGS_PER_PAUSE - 1) await pause();
  }
  return strings;
}
