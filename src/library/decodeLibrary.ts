// Rebuilds a Library from the cache's sections, checking every checksum and every item's shape first:
// a cache that does not fit throws, and the caller rebuilds from the corpus.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Library } from './library.ts';
import type { Checkpoint } from '../text/steps.ts';
import type { Article, ArticleDate, ArticleMeta, GlossaryEntry } from '../corpus/types.ts';
import { paragraphsFromSpans } from './spanParagraph.ts';
import { type PassageIndexColumns, TermTable, loadPassageIndexColumns } from '../search/passageIndex.ts';
import { ItemDecoder } from './cacheItems.ts';
import type { EncodedLibrary, JsonSection, TextSection, U32Section, U8Section } from './cacheFormat.ts';
import { decodeText, decodeTextTable } from './textTable.ts';
import { LOOKUP_U32_SECTIONS, type LookupU32Section } from './lookupSectionNames.ts';
import { readStoredLookups } from './lookups/storedLookups.ts';
import { PackedListsReader } from './lookups/storedLists.ts';
import { runInSlices } from '../text/steps.ts';

/** Items of a list checked and converted between two checkpoints. */
const ITEMS_PER_PAUSE = 128;
/** Bytes checksummed between two checkpoints (~1 ms). */
const HASH_STEP = 1024 * 1024;
/** Bytes of a posting column copied between two pauses (about a millisecond of copying). */
const COPY_STEP = 1024 * 1024;
/** Articles whose paragraphs are cut between two checkpoints. */
const ARTICLES_PER_PAUSE = 32;
const glossarySchema = z.array(z.object({ en: z.array(z.string()), vi: z.array(z.string()) }));

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
  const sectionIndices = (name: string) => header.sections.flatMap((section, i) => (section.name === name ? [i] : []));
  const single = async (name: U32Section | U8Section | TextSection): Promise<{ bytes: Uint8Array; index: number }> => {
    const [index, ...more] = sectionIndices(name);
    if (index === undefined || more.length > 0) throw new Error(`section ${name} is missing or repeated`);
    return { bytes: await verified(index), index };
  };
  const text = async (name: TextSection) => {
    const { bytes, index } = await single(name);
    const section = header.sections[index]!;
    if (section.type !== 'text') throw new Error(`section ${name} is not text`);
    return { bytes, encoding: section.encoding };
  };
  const textTable = async (name: TextSection, ends: U32Section) => decodeTextTable(await text(name), await u32(ends), pause);
  async function readList<Item>(name: JsonSection, convert: (item: unknown) => Item): Promise<Item[]> {
    const chunks = sectionIndices(name);
    if (chunks.length === 0) throw new Error(`section ${name} is missing`);
    const items: Item[] = [];
    for (const i of chunks) {
      const chunk = await verified(i);
      const parsed: unknown = JSON.parse(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8'));
      if (!Array.isArray(parsed)) throw new Error(`section ${name} is not a list`);
      for (let at = 0; at < parsed.length; at++) {
        items.push(convert(parsed[at]));
        if (at % ITEMS_PER_PAUSE === ITEMS_PER_PAUSE - 1) await pause();
      }
      await pause();
    }
    return items;
  }
  const column = async (name: U32Section | U8Section, type: 'u32' | 'u8'): Promise<Uint8Array> => {
    const { bytes, index } = await single(name);
    if (header.sections[index]!.type !== type) throw new Error(`section ${name} is not ${type}`);
    // The section in a buffer of its own: a view into the whole file (or into the builder's packed
    // sections) would keep every other section alive with it. The cache file is read one section per
    // buffer, and the builder hands the large sections over in buffers of their own: used in place.
    const ownsItsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    if (ownsItsBuffer) return bytes;
    // Else copied in slices, pausing between them: one copy of a posting column (tens of MB at 100k
    // paragraphs, its pages touched for the first time) blocked a reload's event loop for 70 ms.
    const own = new Uint8Array(bytes.byteLength);
    for (let start = 0; start < bytes.byteLength; start += COPY_STEP) {
      own.set(bytes.subarray(start, start + COPY_STEP), start);
      await pause();
    }
    return own;
  };
  const u32 = async (name: U32Section): Promise<Uint32Array> => {
    const bytes = await column(name, 'u32');
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };

  // The lookups the builder stored, each section's checksum verified, kept for the library as if computed.
  const readLookups = async (library: Library, strings: readonly string[]) => {
    const lists = new Map<string, Uint32Array>();
    for (const name of LOOKUP_U32_SECTIONS) if (name !== 'lookupStringEnds') lists.set(name, await u32(name));
    const folded = await textTable('lookupStrings', 'lookupStringEnds');
    const reader = (name: LookupU32Section) => new PackedListsReader(lists.get(name)!, name);
    await runInSlices(readStoredLookups(library, { reader, strings, folded }), checkpoint ?? (() => undefined));
  };

  const glossary = glossarySchema.parse(await readList('glossary', (entry) => entry)) as GlossaryEntry[];
  const fields = await readList('articles', articleFields);
  // Bodies are stored as UTF-16, so a body's offsets in code units are its bytes' halved.
  const bodies = await textTable('bodies', 'bodyEnds');
  const spanEnds = await u32('spanEnds');
  const spans = await u32('spans');
  if (bodies.length !== fields.length || spanEnds.length !== fields.length) throw new Error('article counts differ');
  const articles: Article[] = [];
  for (let i = 0; i < fields.length; i++) {
    const spansStart = i === 0 ? 0 : spanEnds[i - 1]!;
    if (spanEnds[i]! < spansStart) throw new Error('article spans out of order');
    const { id, file, format, date, meta, bodyLine, hash } = fields[i]!;
    const body = bodies[i]!;
    const paragraphs = paragraphsFromSpans(id, body, spans, spansStart, spanEnds[i]!);
    // The keys in the order the corpus loader writes them.
    articles.push({ id, file, format, date, meta, body, bodyLine, paragraphs, hash });
    if (i % ARTICLES_PER_PAUSE === ARTICLES_PER_PAUSE - 1) await pause();
  }
  if (fields.length > 0 && spanEnds[fields.length - 1] !== spans.length) throw new Error('article spans do not cover their section');
  const articlesById = new Map(articles.map((article) => [article.id, article]));
  if (articlesById.size !== articles.length) throw new Error('two articles with one id');

  const strings = await textTable('strings', 'stringEnds');
  const items = new ItemDecoder(articles, strings);
  const meetings = await readList('meetings', (item) => items.item(item, 'meeting'));
  const agreements = await readList('agreements', (item) => items.item(item, 'agreement'));
  const plannedMeetings = await readList('plannedMeetings', (item) => items.item(item, 'meeting'));
  const plannedAgreements = await readList('plannedAgreements', (item) => items.item(item, 'agreement'));
  const people = await readList('people', (entry) => items.personEntry(entry));
  const columns: PassageIndexColumns = {
    documentIds: await textTable('documentIds', 'documentIdEnds'),
    terms: new TermTable(decodeText(await text('terms')), await u32('termTextEnds'), await u32('termSlots')),
    vocabulary: await readList('vocabulary', vocabularyEntry),
    averageLength: header.averageLength,
    fieldLengths: await u32('fieldLengths'),
    termEnds: await u32('termEnds'),
    documents: await u32('documents'),
    frequencies: await column('frequencies', 'u8'),
    overflowPositions: await u32('overflowPositions'),
    overflowFrequencies: await u32('overflowFrequencies'),
  };
  const paragraphCount = articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
  if (paragraphCount !== header.paragraphCount || columns.documentIds.length !== paragraphCount) throw new Error('paragraph counts differ');

  const index = await loadPassageIndexColumns(columns, articles, glossary, checkpoint);
  const library: Library = {
    corpus: { articles, glossary },
    articlesById,
    index,
    meetings,
    agreements,
    plannedMeetings,
    plannedAgreements,
    people,
    years: header.years,
    paragraphCount,
  };
  await readLookups(library, strings);
  return library;
}

type ArticleFieldsRead = Omit<Article, 'body' | 'paragraphs'>;

/** An article's fields as the cache stores them (all but its body and paragraphs), checked by hand. */
function articleFields(raw: unknown): ArticleFieldsRead {
  const fields = raw as ArticleFieldsRead;
  const date = fields?.date as ArticleDate | undefined;
  if (
    typeof fields !== 'object' ||
    fields === null ||
    typeof fields.id !== 'string' ||
    typeof fields.file !== 'string' ||
    (fields.format !== 'text' && fields.format !== 'markdown') ||
    !Number.isInteger(fields.bodyLine) ||
    typeof fields.hash !== 'string' ||
    typeof date !== 'object' ||
    date === null ||
    !Number.isInteger(date.year) ||
    !Number.isInteger(date.month) ||
    (date.day !== undefined && !Number.isInteger(date.day)) ||
    typeof date.text !== 'string' ||
    !isTextRecord(fields.meta)
  )
    throw new Error('section articles: an article that does not fit');
  return fields;
}

function isTextRecord(value: unknown): value is ArticleMeta {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== 'string') return false;
  return true;
}

function vocabularyEntry(value: unknown): [string, string] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || typeof value[1] !== 'string')
    throw new Error('cache: a vocabulary entry that does not fit');
  return value as [string, string];
}
