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
 * The strings back from their text and ends, pausing between slices; throws on ends that do not fit the
 * text. A UTF-16 text is read `chunkUnits` code units at a time (more for one longer string), each
 * stretch holding whole strings only; tests make it small to cut a table into many stretches.
 *
 * With `wanted`, a UTF-16 table gives only the strings it wants (the others are `undefined`): a stretch
 * holding none of them is still read, so that its source can checksum it, but never made into a string.
 * A reload that keeps the bodies of its unchanged articles so creates no text for them: at 1M paragraphs
 * that was 640 MB, which V8 counts as new external memory and answered with a full collection of the
 * whole heap, the library being served included, every 64 MB.
 */
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
  const source = 'bytes' in text ? textInMemory(text) : text;
  const whole = source.encoding === 'utf8' ? await decodeText(source) : undefined;
  const length = whole?.length ?? source.byteLength / 2;
  if (!Number.isInteger(length)) throw new Error('library cache: UTF-16 text of an odd length');
  const strings: (string | undefined)[] = [];
  let chunk = whole ?? '';
  let chunkStart = 0;
  let chunkEnd = whole?.length ?? 0;
  let start = 0;
  let sincePause = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < start || end > length) throw new Error('library cache: text table out of order');
    if (end > chunkEnd) {
      // A pause before each chunk, not only every STRINGS_PER_PAUSE strings: 4,096 article bodies are
      // tens of megabytes, decoded in one stretch of 30 ms at 100k paragraphs and 50 ms at 1M.
      if (pause && sincePause > 0) {
        await pause();
        sincePause = 0;
      }
      // The next stretch of whole strings, this one at least, up to chunkUnits.
      chunkStart = start;
      chunkEnd = end;
      let next = i + 1;
      for (; next < ends.length && ends[next]! - chunkStart <= chunkUnits && ends[next]! >= chunkEnd; next++) chunkEnd = ends[next]!;
      let chunkWanted = wanted === undefined;
      for (let j = i; j < next && !chunkWanted; j++) chunkWanted = wanted!(j);
      const bytes = await source.read(2 * chunkStart, 2 * chunkEnd);
      chunk = chunkWanted ? asBuffer(bytes).toString('utf16le') : '';
    }
    // A wanted string's stretch was made a string (see above); an unwanted one is left out.
    strings.push(whole !== undefined || wanted === undefined || wanted(i) ? chunk.slice(start - chunkStart, end - chunkStart) : undefined);
    start = end;
    if (pause && ++sincePause === STRINGS_PER_PAUSE) {
      await pause();
      sincePause = 0;
    }
  }
  if (start !== length) throw new Error('library cache: text table does not cover its text');
  return strings;
}
