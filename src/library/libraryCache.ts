// Saves a built Library next to its corpus, in `<corpusDir>/.index-cache/library.bin`, so the next start
// skips parsing, segmenting, indexing and extraction. The cache is keyed by a hash of every corpus file's
// name and bytes and by CACHE_VERSION; a cache that is stale, foreign, truncated or corrupt is rebuilt,
// never trusted.
//
// One file, written atomically (temp file + rename): a magic line, the header's byte length, the header
// (JSON, checked with zod, with each section's sha256), then sections, each 8-byte aligned. Lists are JSON
// in chunks of ~32 KB, so each `JSON.parse` is short and loading can pause between chunks; the search
// index's postings are little-endian Uint32 arrays used in place. (At 100k paragraphs one JSON of the
// index alone is ~100 MB and takes seconds to parse in one blocking call.)

import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import type { Library, PersonEntry } from './library.ts';
import type { Checkpoint } from '../text/steps.ts';
import type { Article, GlossaryEntry, Paragraph } from '../corpus/types.ts';
import { CACHE_DIR, GLOSSARY_FILE, readCorpusFile, scanCorpusFolder } from '../corpus/corpusFolder.ts';
import { type PassageIndexColumns, type SavablePassageIndex, loadPassageIndexColumns } from '../search/passageIndex.ts';

/**
 * The cache's format and content version: bump when src/search or src/extract change what they
 * produce (the analyzer's terms, the meetings/agreements/people extracted), or when this file's format
 * changes. A cache of another version is ignored and rebuilt.
 */
export const CACHE_VERSION = 1;
/** A dot-folder that the corpus scan never lists; `.gitignore` has `corpus/.index-cache*`. */
export { CACHE_DIR };
export const CACHE_FILE = 'library.bin';

const MAGIC = Buffer.from('citebot-library-cache\n', 'latin1');
/** Characters of JSON per chunk: each parses in a millisecond or two. */
const CHUNK_CHARS = 32 * 1024;
/** Items of a list checked and converted between two checkpoints. */
const ITEMS_PER_PAUSE = 128;
/** Bytes checksummed between two checkpoints (~1 ms). */
const HASH_STEP = 1024 * 1024;
const ALIGNMENT = 8;
/** Temp files older than this are left over from a crash mid-write, not a write in progress. */
const STALE_TEMP_MS = 10 * 60 * 1000;
const PARALLEL_READS = 32;


/**
 * A checkpoint that lets the event loop run once `budgetMs` of work has passed since it last did, and,
 * with `restMs`, leaves the thread idle that long before going on. Resting matters on a large heap: a
 * decode that allocates without pause outruns V8's concurrent marking, which then finishes on the main
 * thread in long pauses; with rests in between, the longest blocks of a 100k reload shrank by a third.
 */
export function yieldEvery(budgetMs: number, restMs = 0): Checkpoint {
  let sliceStarted = performance.now();
  return () => {
    if (performance.now() - sliceStarted < budgetMs) return undefined;
    return new Promise((resolve) => {
      const goOn = () => {
        sliceStarted = performance.now();
        resolve();
      };
      if (restMs > 0) setTimeout(goOn, restMs);
      else setImmediate(goOn);
    });
  };
}

// ---------------------------------------------------------------------------------------------
// The key

/**
 * sha256 over the name and bytes of every file the loader would read (articles and glossary.json),
 * read the loader's way (regular files within the size limit only, see corpusFolder.ts): same key,
 * same files, same parse. Files the loader skips (a .docx, a sub-folder) are not part of it: they
 * change nothing in the library. A file that cannot be read counts by its reason, so the key never
 * blocks or grows on a pipe or a device.
 */
export async function corpusKey(corpusDir: string): Promise<string> {
  const scanned = await scanCorpusFolder(corpusDir);
  if (!scanned.ok) throw new Error(scanned.error.reason);
  const { realDir, articleFiles, hasGlossary } = scanned.scan;
  const names = hasGlossary ? [...articleFiles, GLOSSARY_FILE].sort() : articleFiles;
  const hash = createHash('sha256').update(`citebot corpus v${CACHE_VERSION}\n${await codeFingerprint()}\n`);
  for (let start = 0; start < names.length; start += PARALLEL_READS) {
    const batch = names.slice(start, start + PARALLEL_READS);
    const contents = await Promise.all(batch.map((name) => readCorpusFile(realDir, name)));
    batch.forEach((name, i) => {
      const content = contents[i]!;
      if (content.ok) hash.update(`${name}\0${content.bytes.byteLength}\0`).update(content.bytes);
      else hash.update(`${name}\0!${content.error.reason}\0`);
    });
  }
  return hash.digest('hex');
}

/** The folders whose code decides what a library holds: a change to any file there makes old caches stale. */
const LIBRARY_CODE_DIRS = ['corpus', 'text', 'language', 'search', 'extract', 'library'];
let codeFingerprintOnce: Promise<string> | undefined;

/**
 * sha256 of the code that parses, segments, indexes and extracts, so an edited analyzer or extraction
 * table invalidates caches without anyone remembering to bump CACHE_VERSION. The code that runs is
 * hashed: the `.ts` sources under tsx, the `.js` beside this module when compiled to dist/ (a build
 * of edited sources changes it too; the sources and the build each keep their own cache entry).
 */
export function codeFingerprint(): Promise<string> {
  codeFingerprintOnce ??= (async () => {
    const srcDir = fileURLToPath(new URL('..', import.meta.url));
    const extension = /\.ts$/.test(new URL(import.meta.url).pathname) ? '.ts' : '.js';
    const hash = createHash('sha256');
    for (const dir of LIBRARY_CODE_DIRS) {
      const files = (await readdir(join(srcDir, dir), { recursive: true })).filter((name) => name.endsWith(extension)).sort();
      for (const file of files) hash.update(`${dir}/${file}\0`).update(await readFile(join(srcDir, dir, file)));
    }
    return hash.digest('hex');
  })();
  return codeFingerprintOnce;
}

// ---------------------------------------------------------------------------------------------
// Encoding

const JSON_SECTIONS = ['glossary', 'articles', 'meetings', 'agreements', 'plannedMeetings', 'plannedAgreements', 'people', 'documentIds', 'terms', 'vocabulary'] as const;
const U32_SECTIONS = ['fieldLengths', 'termEnds', 'documents', 'frequencies'] as const;
type JsonSection = (typeof JSON_SECTIONS)[number];
type U32Section = (typeof U32_SECTIONS)[number];

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
const headerSchema = z.object({
  version: z.literal(CACHE_VERSION),
  key: sha256Schema,
  endianness: z.literal('LE'),
  paragraphCount: z.number().int().nonnegative(),
  years: z.array(z.number().int()),
  averageLength: z.number().nonnegative(),
  sections: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('json'), name: z.enum(JSON_SECTIONS), bytes: z.number().int().nonnegative(), sha256: sha256Schema }),
      z.object({ type: z.literal('u32'), name: z.enum(U32_SECTIONS), bytes: z.number().int().nonnegative().multipleOf(4), sha256: sha256Schema }),
    ]),
  ),
});
export type CacheHeader = z.infer<typeof headerSchema>;

/** A library ready to write or to post to another thread: `sections[i]` holds `header.sections[i]`. */
export interface EncodedLibrary {
  header: CacheHeader;
  sections: Uint8Array[];
}

/** An Article without the paragraph and sentence texts, which are slices of `body`. */
interface CompactArticle extends Omit<Article, 'paragraphs'> {
  /** Per paragraph: start, end, sentence count, then start and end of each sentence. */
  spans: number[];
}

export function encodeLibrary(library: Library, key: string): EncodedLibrary {
  const index = library.index as Partial<SavablePassageIndex>;
  if (typeof index.toColumns !== 'function') throw new Error('library cache: this library’s search index cannot be saved');
  const columns = index.toColumns();
  const header: CacheHeader = {
    version: CACHE_VERSION,
    key,
    endianness: 'LE',
    paragraphCount: library.paragraphCount,
    years: library.years,
    averageLength: columns.averageLength,
    sections: [],
  };
  const sections: Uint8Array[] = [];
  const encoder = new TextEncoder();

  const addJson = (name: JsonSection, items: readonly unknown[]) => {
    let parts: string[] = [];
    let chars = 0;
    const flush = () => {
      const bytes = encoder.encode(`[${parts.join(',')}]`);
      header.sections.push({ type: 'json', name, bytes: bytes.byteLength, sha256: sha256Of(bytes) });
      sections.push(bytes);
      parts = [];
      chars = 0;
    };
    for (const item of items) {
      const text = JSON.stringify(item);
      parts.push(text);
      chars += text.length;
      if (chars >= CHUNK_CHARS) flush();
    }
    // Every section appears at least once, so a missing one means a damaged file.
    if (parts.length > 0 || !header.sections.some((section) => section.name === name)) flush();
  };
  const addU32 = (name: U32Section, values: Uint32Array) => {
    // Own the bytes (a view of the whole buffer) so they can be transferred to another thread.
    const bytes = values.byteOffset === 0 && values.byteLength === values.buffer.byteLength ? values : values.slice();
    const view = new Uint8Array(bytes.buffer, 0, bytes.byteLength);
    header.sections.push({ type: 'u32', name, bytes: bytes.byteLength, sha256: sha256Of(view) });
    sections.push(view);
  };

  addJson('glossary', library.corpus.glossary);
  addJson('articles', library.corpus.articles.map(compactArticle));
  addJson('meetings', library.meetings);
  addJson('agreements', library.agreements);
  addJson('plannedMeetings', library.plannedMeetings);
  addJson('plannedAgreements', library.plannedAgreements);
  addJson('people', library.people);
  addJson('documentIds', columns.documentIds);
  addJson('terms', columns.terms);
  addJson('vocabulary', columns.vocabulary);
  addU32('fieldLengths', columns.fieldLengths);
  addU32('termEnds', columns.termEnds);
  addU32('documents', columns.documents);
  addU32('frequencies', columns.frequencies);
  return { header, sections };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function compactArticle(article: Article): CompactArticle {
  const { paragraphs, ...rest } = article;
  const spans: number[] = [];
  for (const paragraph of paragraphs) {
    spans.push(paragraph.start, paragraph.end, paragraph.sentences.length);
    for (const sentence of paragraph.sentences) spans.push(sentence.start, sentence.end);
  }
  return { ...rest, spans };
}

/**
 * The same library with every section copied into one buffer (8-byte aligned, as in the file), so it
 * crosses to another thread as one transfer: the receiving thread takes each transferred buffer in one
 * blocking step, and thousands of them (one per JSON chunk) cost it tens of milliseconds.
 */
export function packSections(encoded: EncodedLibrary): EncodedLibrary {
  const buffers = new Set(encoded.sections.map((section) => section.buffer));
  if (buffers.size <= 1) return encoded;
  const total = encoded.sections.reduce((sum, section) => sum + section.byteLength + padding(section.byteLength), 0);
  const packed = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  const sections = encoded.sections.map((section) => {
    packed.set(section, offset);
    const view = packed.subarray(offset, offset + section.byteLength);
    offset += section.byteLength + padding(section.byteLength);
    return view;
  });
  return { header: encoded.header, sections };
}

// ---------------------------------------------------------------------------------------------
// Decoding

const glossarySchema = z.array(z.object({ en: z.array(z.string()), vi: z.array(z.string()) }));
const compactArticleSchema = z.object({
  id: z.string(),
  file: z.string(),
  format: z.enum(['text', 'markdown']),
  date: z.object({ year: z.number().int(), month: z.number().int(), day: z.number().int().optional(), text: z.string() }),
  meta: z.record(z.string(), z.string()),
  body: z.string(),
  bodyLine: z.number().int(),
  hash: z.string(),
  // Checked value by value while rebuilding the paragraphs (cheaper than zod on a million numbers).
  spans: z.array(z.unknown()),
});
const citationSchema = z.looseObject({ articleId: z.string(), date: z.string(), paragraph: z.number(), quote: z.string() });
const answerItemSchema = z.looseObject({ kind: z.string(), date: z.string(), summary: z.string(), citations: z.array(citationSchema) });
const personSchema = z.looseObject({ name: z.string(), foldedName: z.string(), articleIds: z.array(z.string()) });
const stringSchema = z.string();
const vocabularySchema = z.tuple([z.string(), z.string()]);

/**
 * Rebuilds a Library from its encoded form, calling `checkpoint` between slices of work.
 * Throws when anything does not fit: the caller then rebuilds from the corpus.
 */
export async function decodeLibrary(encoded: EncodedLibrary, checkpoint?: Checkpoint): Promise<Library> {
  const { header, sections } = encoded;
  if (sections.length !== header.sections.length) throw new Error('section count differs from the header');
  const pause = async () => {
    const wait = checkpoint?.();
    if (wait) await wait;
  };
  // Every section's checksum is checked before it is used: a flipped byte inside an article's body
  // would otherwise be served as a "verbatim" quote.
  const verified = async (i: number): Promise<Uint8Array> => {
    const bytes = sections[i]!;
    const expected = header.sections[i]!;
    if (bytes.byteLength !== expected.bytes) throw new Error(`section ${expected.name} has the wrong length`);
    const hash = createHash('sha256');
    for (let start = 0; start < bytes.byteLength; start += HASH_STEP) {
      hash.update(bytes.subarray(start, start + HASH_STEP));
      await pause();
    }
    if (hash.digest('hex') !== expected.sha256) throw new Error(`section ${expected.name} is damaged (checksum)`);
    return bytes;
  };
  const sectionIndices = (name: JsonSection | U32Section) => header.sections.flatMap((section, i) => (section.name === name ? [i] : []));
  async function readList<Item>(name: JsonSection, itemSchema: z.ZodType<unknown>, convert: (item: unknown) => Item = (item) => item as Item) {
    const chunks = sectionIndices(name);
    if (chunks.length === 0) throw new Error(`section ${name} is missing`);
    const items: Item[] = [];
    for (const i of chunks) {
      const chunk = await verified(i);
      const parsed: unknown = JSON.parse(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'));
      if (!Array.isArray(parsed)) throw new Error(`section ${name} is not a list`);
      for (let at = 0; at < parsed.length; at++) {
        const checked = itemSchema.safeParse(parsed[at]);
        if (!checked.success) throw new Error(`section ${name}: ${checked.error.issues[0]?.message ?? 'bad item'}`);
        items.push(convert(checked.data));
        if (at % ITEMS_PER_PAUSE === ITEMS_PER_PAUSE - 1) await pause();
      }
      await pause();
    }
    return items;
  }
  const u32 = async (name: U32Section): Promise<Uint32Array> => {
    const [index, ...more] = sectionIndices(name);
    if (index === undefined || more.length > 0) throw new Error(`section ${name} is missing or repeated`);
    const bytes = await verified(index);
    // A view when aligned (always, for our files and for transferred buffers), else a copy.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    return new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  };

  const glossary = glossarySchema.parse((await readList('glossary', z.unknown())) as unknown) as GlossaryEntry[];
  const articles = await readList('articles', compactArticleSchema, (item) => expandArticle(item as CompactArticle));
  const meetings = await readList<MeetingItem>('meetings', answerItemSchema);
  const agreements = await readList<AgreementItem>('agreements', answerItemSchema);
  const plannedMeetings = await readList<MeetingItem>('plannedMeetings', answerItemSchema);
  const plannedAgreements = await readList<AgreementItem>('plannedAgreements', answerItemSchema);
  const people = await readList<PersonEntry>('people', personSchema);
  const columns: PassageIndexColumns = {
    documentIds: await readList('documentIds', stringSchema),
    terms: await readList('terms', stringSchema),
    vocabulary: await readList('vocabulary', vocabularySchema),
    averageLength: header.averageLength,
    fieldLengths: await u32('fieldLengths'),
    termEnds: await u32('termEnds'),
    documents: await u32('documents'),
    frequencies: await u32('frequencies'),
  };
  const paragraphCount = articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
  if (paragraphCount !== header.paragraphCount || columns.documentIds.length !== paragraphCount) throw new Error('paragraph counts differ');

  const index = await loadPassageIndexColumns(columns, articles, glossary, checkpoint);
  return {
    corpus: { articles, glossary },
    articlesById: new Map(articles.map((article) => [article.id, article])),
    index,
    meetings,
    agreements,
    plannedMeetings,
    plannedAgreements,
    people,
    years: header.years,
    paragraphCount,
  };
}

/** Cuts the paragraphs and sentences back out of the body, as `segmentBody` made them. */
function expandArticle(compact: CompactArticle): Article {
  const { spans, ...rest } = compact;
  const { body, id } = rest;
  const at = (i: number): number => {
    const value = spans[i];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > body.length) throw new Error(`article ${id}: bad span`);
    return value;
  };
  const paragraphs: Paragraph[] = [];
  let i = 0;
  while (i < spans.length) {
    const start = at(i);
    const end = at(i + 1);
    const sentenceCount = at(i + 2);
    i += 3;
    const sentences: Paragraph['sentences'] = [];
    for (let s = 0; s < sentenceCount; s++, i += 2) {
      const sentenceStart = at(i);
      const sentenceEnd = at(i + 1);
      sentences.push({ number: s + 1, text: body.slice(sentenceStart, sentenceEnd), start: sentenceStart, end: sentenceEnd });
    }
    paragraphs.push({ articleId: id, number: paragraphs.length + 1, text: body.slice(start, end), start, end, sentences });
  }
  return { ...rest, paragraphs };
}

// ---------------------------------------------------------------------------------------------
// The file

export function cachePath(corpusDir: string): string {
  return join(corpusDir, CACHE_DIR, CACHE_FILE);
}

const padding = (length: number) => (ALIGNMENT - (length % ALIGNMENT)) % ALIGNMENT;

/**
 * Where the cache may live: `<corpusDir>/.index-cache` as a real folder. A symlink there is refused,
 * never read or written through (it could point the bot's writes and temp-file clean-up anywhere);
 * anything else in its place (a file, a pipe) is the bot's own damaged cache and is replaced.
 */
async function cacheFolder(corpusDir: string, create: boolean): Promise<{ ok: true; dir: string; replaced?: string } | { ok: false; reason: string }> {
  const dir = join(corpusDir, CACHE_DIR);
  let replaced: string | undefined;
  const info = await lstat(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (info?.isSymbolicLink()) return { ok: false, reason: `${CACHE_DIR} is a symbolic link: refused, the cache is neither read nor written through it (replace the link with a folder or remove it)` };
  if (info && !info.isDirectory()) {
    if (!create) return { ok: false, reason: `${CACHE_DIR} is not a folder` };
    await rm(dir, { force: true });
    replaced = `${CACHE_DIR} was not a folder: replaced`;
  }
  if (!info || replaced) {
    if (!create) return { ok: false, reason: 'no cache yet' };
    await mkdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
    // Whoever won a race to create it must have made a folder, not a link.
    const made = await lstat(dir);
    if (!made.isDirectory()) return { ok: false, reason: `${CACHE_DIR} changed while being created: refused` };
  }
  return { ok: true, dir, ...(replaced ? { replaced } : {}) };
}

/** Writes the cache atomically; a folder that cannot be written is a warning, not a failure. */
export async function writeLibraryCache(corpusDir: string, encoded: EncodedLibrary): Promise<{ ok: true; notes: string[] } | { ok: false; warning: string }> {
  let temp: string | undefined;
  const notes: string[] = [];
  try {
    const folder = await cacheFolder(corpusDir, true);
    if (!folder.ok) return { ok: false, warning: `the index cache was not written: ${folder.reason} (the corpus still loads; every start rebuilds)` };
    if (folder.replaced) notes.push(folder.replaced);
    const { dir } = folder;
    temp = join(dir, `${CACHE_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    await removeStaleTempFiles(dir);
    // A folder (or anything but a file) where the cache file goes would make every rename fail.
    const existing = await lstat(cachePath(corpusDir)).catch(() => undefined);
    if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
      await rm(cachePath(corpusDir), { recursive: true, force: true });
      notes.push(`${CACHE_DIR}/${CACHE_FILE} was not a file: replaced`);
    }
    const headerBytes = Buffer.from(JSON.stringify(encoded.header));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.byteLength);
    const prefix = MAGIC.byteLength + 4 + headerBytes.byteLength;
    const parts: Uint8Array[] = [MAGIC, length, headerBytes, Buffer.alloc(padding(prefix))];
    for (const section of encoded.sections) parts.push(section, Buffer.alloc(padding(section.byteLength)));
    // `wx`: never opens through a link or an existing file.
    const file = await open(temp, 'wx');
    try {
      // writev takes at most IOV_MAX (1024) buffers per call.
      for (let start = 0; start < parts.length; start += 512) await file.writev(parts.slice(start, start + 512));
    } finally {
      await file.close();
    }
    // rename replaces a link or a damaged file in its place, never writes through it.
    await rename(temp, cachePath(corpusDir));
    return { ok: true, notes };
  } catch (error) {
    if (temp) await rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, warning: `could not write the index cache: ${describeError(error)} (the corpus still loads; the next start rebuilds)` };
  }
}

async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isFile() && Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Reasons a cache is not used that are no damage: nothing to log. */
export function isExpectedCacheMiss(reason: string): boolean {
  return reason === 'no cache yet' || reason === 'the corpus changed';
}

/**
 * Reads the cache file's envelope when it is complete and made for `key` by this version (any key
 * with `anyKey`: the last good library, for a start with a bad file); the sections are views into
 * one buffer, not yet decoded. Only a regular file in a real cache folder is read. Never throws: a
 * bad cache is a reason.
 */
export async function readCacheEnvelope(
  corpusDir: string,
  key: string,
  { anyKey = false }: { anyKey?: boolean } = {},
): Promise<{ ok: true; encoded: EncodedLibrary } | { ok: false; reason: string }> {
  let file: Buffer;
  try {
    const folder = await cacheFolder(corpusDir, false);
    if (!folder.ok) return { ok: false, reason: folder.reason };
    const info = await lstat(cachePath(corpusDir)).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (!info) return { ok: false, reason: 'no cache yet' };
    if (!info.isFile()) return { ok: false, reason: `${CACHE_DIR}/${CACHE_FILE} is not a regular file` };
    const handle = await open(cachePath(corpusDir), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = await handle.stat();
      if (!opened.isFile()) return { ok: false, reason: `${CACHE_DIR}/${CACHE_FILE} is not a regular file` };
      file = Buffer.allocUnsafe(opened.size);
      let length = 0;
      while (length < file.byteLength) {
        const { bytesRead } = await handle.read(file, length, file.byteLength - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length !== file.byteLength) return { ok: false, reason: 'truncated' };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, reason: `unreadable: ${describeError(error)}` };
  }
  return parseEnvelope(file, anyKey ? undefined : key);
}

export function parseEnvelope(file: Uint8Array, key: string | undefined): { ok: true; encoded: EncodedLibrary } | { ok: false; reason: string } {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.byteLength < MAGIC.byteLength + 4 || !bytes.subarray(0, MAGIC.byteLength).equals(MAGIC)) return { ok: false, reason: 'not a citebot cache' };
  const headerLength = bytes.readUInt32LE(MAGIC.byteLength);
  const headerStart = MAGIC.byteLength + 4;
  if (headerStart + headerLength > bytes.byteLength) return { ok: false, reason: 'truncated header' };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength));
  } catch {
    return { ok: false, reason: 'unreadable header' };
  }
  const header = headerSchema.safeParse(json);
  if (!header.success) {
    const version = (json as { version?: unknown } | null)?.version;
    return { ok: false, reason: version !== CACHE_VERSION ? `made by cache version ${String(version)}` : 'malformed header' };
  }
  if (key !== undefined && header.data.key !== key) return { ok: false, reason: 'the corpus changed' };
  if (endianness() !== 'LE') return { ok: false, reason: 'big-endian machine' };

  let offset = headerStart + headerLength;
  offset += padding(offset);
  const sections: Uint8Array[] = [];
  for (const section of header.data.sections) {
    if (offset + section.bytes > bytes.byteLength) return { ok: false, reason: 'truncated' };
    sections.push(bytes.subarray(offset, offset + section.bytes));
    offset += section.bytes + padding(section.bytes);
  }
  if (offset !== bytes.byteLength) return { ok: false, reason: 'unexpected length' };
  return { ok: true, encoded: { header: header.data, sections } };
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  return code ?? (error instanceof Error ? error.message : String(error));
}
