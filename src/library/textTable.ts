// Lists of strings as the cache stores them: the strings one after another in one text section, and
// where each ends (in UTF-16 code units, a JS string's own offsets) in a Uint32 section. Read back with
// one `toString` of the whole and a slice per string. JSON arrays of strings cost more to parse: V8
// looks every short string value up in its table of internalized strings (190k search terms at 100k
// paragraphs took 100 ms to parse, ten times as long as as many longer strings).

/** With the `u` flag a surrogate pair is one character, so this finds only a surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** How a text section's bytes encode its text. */
export type TextEncoding = 'utf8' | 'utf16le';

export interface EncodedText {
  bytes: Uint8Array;
  encoding: TextEncoding;
}

/**
 * The strings as one text section and their ends. UTF-8 when the text is well formed (half the bytes of
 * mostly-ASCII text, and V8 keeps ASCII strings at a byte per character); else UTF-16LE, which keeps
 * every JS string exactly, a lone surrogate included.
 */
export function encodeTextTable(strings: readonly string[]): { text: EncodedText; ends: Uint32Array } {
  const ends = new Uint32Array(strings.length);
  let length = 0;
  strings.forEach((text, i) => (ends[i] = length += text.length));
  return { text: encodeText(strings.join(''), 'utf8'), ends };
}

/** One string as a section of its own bytes, in `preferred` when that keeps it exactly. */
export function encodeText(text: string, preferred: TextEncoding): EncodedText {
  const encoding = preferred === 'utf8' && !LONE_SURROGATE.test(text) ? 'utf8' : 'utf16le';
  // Not from Node's shared pool: the section owns its memory and can be transferred to another thread.
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, encoding));
  const written = bytes.write(text, 0, encoding);
  if (written !== bytes.byteLength) throw new Error('library cache: a text did not encode whole');
  return { bytes: new Uint8Array(bytes.buffer, 0, bytes.byteLength), encoding };
}

/** The text of a section; throws when its length does not match the ends written with it. */
export function decodeText({ bytes, encoding }: EncodedText): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
}

/** Strings cut between two calls of `pause`. */
const STRINGS_PER_PAUSE = 16 * 1024;

/** The strings back from their text and ends, pausing between slices; throws on ends that do not fit the text. */
export async function decodeTextTable(text: string, ends: Uint32Array, pause?: () => Promise<void>): Promise<string[]> {
  const strings: string[] = [];
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < start) throw new Error('library cache: text table out of order');
    strings.push(text.slice(start, end));
    start = end;
    if (pause && i % STRINGS_PER_PAUSE === STRINGS_PER_PAUSE - 1) await pause();
  }
  if (start !== text.length) throw new Error('library cache: text table does not cover its text');
  return strings;
}
