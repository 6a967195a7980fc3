// Rebuilds a Library from the cache's sections, checking every checksum and every item's shape first:
// a cache that does not fit throws, and the caller rebuilds from the corpus. From the cache file, the
// sections are read as they are decoded (sectionSource.ts): the open never holds the file's text whole.

import { type Hash, createHash } from 'node:crypto';
import { z } from 'zod';
import type { Library } from './library.ts';
import type { Checkpoint } from '../text/steps.ts';
import type { Article, ArticleDate, ArticleMeta, GlossaryEntry } from '../corpus/types.ts';
import { ParagraphStarts, paragraphsFromSpans } from './spanParagraph.ts';
import { DocumentIdTable, type PassageIndexColumns, TermTable, loadPassageIndexColumns } from '../search/passageIndex.ts';
import { PackedColumn } from '../search/packedColumn.ts';
import { ItemDecoder } from './cacheItems.ts';
import { ItemsFromBytes } from './itemTable.ts';
import { NO_ROLE, PersonColumns } from './personList.ts';
import {
  type CacheHeader,
  type EncodedLibrary,
  type ItemListName,
  type JsonSection,
  type LibraryInFile,
  type TextSection,
  type U32Section,
  type U8Section,
  isInFile,
  itemSections,
} from './cacheFormat.ts';
import { type TextColumn, type TextSource, decodeText, decodeTextColumn, decodeTextTable } from './textTable.ts';
import { type SectionSource, openSectionsInFile, sectionsInMemory } from './sectionSource.ts';
import { SectionHasher } from './sectionHasher.ts';
import { LOOKUP_U32_SECTIONS, type LookupU32Section } from './lookupSectionNames.ts';
import { readStoredLookups } from './lookups/storedLookups.ts';
import { PackedListsReader } from './lookups/storedLists.ts';
import { runInSlices } from '../text/steps.ts';

/** Items of a list checked and converted between two checkpoints. */
const ITEMS_PER_PAUSE = 128;
/** Bytes checksummed between two checkpoints (~1 ms). */
const HASH_STEP = 1024 * 1024;
/** Articles whose paragraphs are cut between two checkpoints. */
const ARTICLES_PER_PAUSE = 32;
const glossarySchema = z.array(z.object({ en: z.array(z.string()), vi: z.array(z.string()) }));

/** How much is read at a time; smaller only in tests, to cut the sections into many stretches. */
export interface ReadSizes {
  /** Bytes of the cache file read at a time (see sectionSource.ts). */
  windowBytes?: number;
  /** UTF-16 code units of a text section decoded at a time (see textTable.ts). */
  textChunkUnits?: number;
  /** Starts the checksum thread of an open from the file (tests give one that is slow to hash). */
  checksumThread?: () => SectionHasher;
}

export interface DecodeOptions extends ReadSizes {
  /**
   * The library being served, on a reload: an article with the same id and the same file hash (sha256
   * of the file's bytes) has the same body, which the same code made from the same bytes, so its body
   * is taken from there instead of being made again from the cache (it is still read and checksummed).
   * At 1M paragraphs the bodies are a third of the library: a reload then holds them once, not twice.
   */
  bodiesFrom?: Library;
}

/**
 * Rebuilds a Library from its encoded form (in memory, or still in its cache file), calling
 * `checkpoint` between slices of work. Throws when anything does not fit: the caller then rebuilds
 * from the corpus.
 */
export async function decodeLibrary(
  encoded: EncodedLibrary | LibraryInFile,
  checkpoint?: Checkpoint,
  options: DecodeOptions = {},
): Promise<Library> {
  const pause = pauseAt(checkpoint);
  const count = isInFile(encoded) ? encoded.offsets.length : encoded.sections.length;
  if (count !== encoded.header.sections.length) throw new Error('section count differs from the header');
  const source = isInFile(encoded) ? await openSectionsInFile(encoded, options.windowBytes) : sectionsInMemory(encoded.sections, pause);
  // From the file, whose sections are read into shared memory, the checksums are computed on a thread
  // of their own while this one decodes; a builder's buffers are hashed here.
  const hasher = isInFile(encoded) ? (options.checksumThread?.() ?? new SectionHasher()) : undefined;
  try {
    return await decodeSections(encoded.header, source, checkpoint, options, hasher);
  } finally {
    await Promise.all([source.close(), hasher?.close()]);
  }
}

const pauseAt = (checkpoint: Checkpoint | undefined) => async () => {
  const wait = checkpoint?.();
  if (wait) await wait;
};

async function decodeSections(
  header: CacheHeader,
  source: SectionSource,
  checkpoint: Checkpoint | undefined,
  { textChunkUnits, bodiesFrom }: DecodeOptions,
  hasher: SectionHasher | undefined,
): Promise<Library> {
  const pause = pauseAt(checkpoint);
  // A view is valid until the next read, which may refill the read window: not before the checksum
  // thread has hashed the last stretch of text handed to it from there.
  let windowHashed: Promise<void> = Promise.resolve();
  const view = async (i: number, start: number, end: number) => {
    await windowHashed;
    return source.view(i, start, end);
  };
  const hashInSteps = async (hash: Hash, bytes: Uint8Array) => {
    for (let start = 0; start < bytes.byteLength; start += HASH_STEP) {
      hash.update(bytes.subarray(start, start + HASH_STEP));
      await pause();
    }
  };
  // Every section's checksum is checked before it is used: a flipped byte inside an article's body
  // would otherwise be served as a "verbatim" quote. `view`: a passing view, used before the next read.
  const verified = async (i: number, as: 'view' | 'own'): Promise<Uint8Array> => {
    const expected = header.sections[i]!;
    const bytes = as === 'own' ? await source.own(i) : await view(i, 0, expected.bytes);
    if (bytes.byteLength !== expected.bytes) throw new Error(`section ${expected.name} has the wrong length`);
    const hash = createHash('sha256');
    await hashInSteps(hash, bytes);
    if (hash.digest('hex') !== expected.sha256) throw new Error(`section ${expected.name} is damaged (checksum)`);
    return bytes;
  };
  const sectionIndices = (name: string) => header.sections.flatMap((section, i) => (section.name === name ? [i] : []));
  const single = (name: U32Section | U8Section | TextSection): number => {
    const [index, ...more] = sectionIndices(name);
    if (index === undefined || more.length > 0) throw new Error(`section ${name} is missing or repeated`);
    return index;
  };
  // A text section read a stretch at a time and checksummed as it passes: the strings cut from it are
  // returned only once its last stretch has been read and its checksum checked.
  const text = (name: TextSection) => {
    const index = single(name);
    const section = header.sections[index]!;
    if (section.type !== 'text') throw new Error(`section ${name} is not text`);
    const hash = createHash('sha256');
    let hashed = 0;
    const stretches: TextSource = {
      encoding: section.encoding,
      byteLength: section.bytes,
      read: async (start, end) => {
        if (start !== hashed) throw new Error(`section ${name} read out of order`);
        const bytes = await view(index, start, end);
        if (bytes.byteLength !== end - start) throw new Error(`section ${name} has the wrong length`);
        // On the checksum thread, while this one turns the stretch into strings.
        if (hasher) {
          windowHashed = hasher.update(index, bytes);
          windowHashed.catch(() => undefined); // awaited by the next read; handled here should there be none
        } else await hashInSteps(hash, bytes);
        hashed = end;
        return bytes;
      },
    };
    const checked = async <Decoded>(decoded: Decoded): Promise<Decoded> => {
      if (hashed !== section.bytes) throw new Error(`section ${name} was not read whole`);
      // Asked once its last stretch is hashed.
      const digest = hasher ? await windowHashed.then(() => hasher.digest(index)) : hash.digest('hex');
      if (digest !== section.sha256) throw new Error(`section ${name} is damaged (checksum)`);
      return decoded;
    };
    return { stretches, checked };
  };
  // A table of strings cut when asked (see TextColumn).
  const textColumn = async (name: TextSection, ends: U32Section) => {
    const { stretches, checked } = text(name);
    return await checked(await decodeTextColumn(stretches, await u32(ends), pause, textChunkUnits));
  };
  const wholeText = async (name: TextSection) => {
    const { stretches, checked } = text(name);
    return await checked(await decodeText(stretches));
  };
  async function readList<Item>(name: JsonSection, convert: (item: unknown) => Item): Promise<Item[]> {
    const chunks = sectionIndices(name);
    if (chunks.length === 0) throw new Error(`section ${name} is missing`);
    const items: Item[] = [];
    for (const i of chunks) {
      const chunk = await verified(i, 'view');
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
  // The columns first, each in a buffer of its own, used in place (a view into a larger buffer would
  // keep every other section in it alive): read while the heap is still small. Each buffer counts as
  // memory outside the heap that V8 answers with a full collection; read after the items, at 1M
  // paragraphs, they cost two more collections of a 400 MB heap (1.7 s).
  // On the checksum thread, each column's checksum is awaited before the column is first used, and
  // all of them before the library is returned.
  const ownColumns = new Map<number, Uint8Array>();
  const columnChecks = new Map<number, Promise<void>>();
  for (const [i, section] of header.sections.entries()) {
    if (section.type !== 'u32' && section.type !== 'u8') continue;
    if (!hasher) {
      ownColumns.set(i, await verified(i, 'own'));
      continue;
    }
    const bytes = await source.own(i);
    if (bytes.byteLength !== section.bytes) throw new Error(`section ${section.name} has the wrong length`);
    const check = hasher
      .update(i, bytes)
      .then(() => hasher.digest(i))
      .then((digest) => {
        if (digest !== section.sha256) throw new Error(`section ${section.name} is damaged (checksum)`);
      });
    check.catch(() => undefined); // awaited at first use and at the end; handled here should the open fail before
    columnChecks.set(i, check);
    ownColumns.set(i, bytes);
  }
  const column = async (name: U32Section | U8Section, type: 'u32' | 'u8'): Promise<Uint8Array> => {
    const index = single(name);
    if (header.sections[index]!.type !== type) throw new Error(`section ${name} is not ${type}`);
    await columnChecks.get(index);
    return ownColumns.get(index)!;
  };
  const u32 = async (name: U32Section): Promise<Uint32Array> => {
    const bytes = await column(name, 'u32');
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };

  // The lookups the builder stored, each section's checksum verified, kept for the library as if computed.
  const readLookups = async (library: Library, strings: TextColumn) => {
    const lists = new Map<string, Uint32Array>();
    for (const name of LOOKUP_U32_SECTIONS) if (name !== 'lookupStringEnds') lists.set(name, await u32(name));
    const folded = await textColumn('lookupStrings', 'lookupStringEnds');
    const reader = (name: LookupU32Section) => new PackedListsReader(lists.get(name)!, name);
    await runInSlices(readStoredLookups(library, { reader, strings, folded }), checkpoint ?? (() => undefined));
  };

  const glossary = glossarySchema.parse(await readList('glossary', (entry) => entry)) as GlossaryEntry[];
  // Articles of one day share one date object (a few thousand days in 87k articles at 1M paragraphs).
  const datesSeen = new Map<string, ArticleDate>();
  const fields = await readList('articles', (raw) => withSharedDate(articleFields(raw), datesSeen));
  // Bodies are stored as UTF-16, so a body's offsets in code units are its bytes' halved.
  const heldBody = (i: number) => {
    const held = bodiesFrom?.articlesById.get(fields[i]!.id);
    return held !== undefined && held.hash === fields[i]!.hash ? held.body : undefined;
  };
  const { stretches, checked } = text('bodies');
  const bodyEnds = await u32('bodyEnds');
  const bodies = await checked(await decodeTextTable(stretches, bodyEnds, pause, textChunkUnits, (i) => heldBody(i) === undefined));
  const spanEnds = await u32('spanEnds');
  const spans = await u32('spans');
  if (bodies.length !== fields.length || spanEnds.length !== fields.length) throw new Error('article counts differ');
  const articles: Article[] = [];
  // Filled as the articles are cut, between pauses: made at once from the 87k articles at 1M paragraphs,
  // the map blocked a reload for 15 ms.
  const articlesById = new Map<string, Article>();
  // One array for every article's paragraphs: more paragraphs than the header counts is a damaged cache.
  const paragraphStarts = new ParagraphStarts(header.paragraphCount);
  for (let i = 0; i < fields.length; i++) {
    const spansStart = i === 0 ? 0 : spanEnds[i - 1]!;
    if (spanEnds[i]! < spansStart) throw new Error('article spans out of order');
    const { id, file, format, date, meta, bodyLine, hash } = fields[i]!;
    const body = bodies[i] ?? heldBody(i)!;
    // Held bodies are checked like read ones: the spans must fit them (paragraphsFromSpans throws).
    if (body.length !== bodyEnds[i]! - (i === 0 ? 0 : bodyEnds[i - 1]!)) throw new Error(`article ${id}: body of the wrong length`);
    const paragraphs = paragraphsFromSpans(id, body, spans, spansStart, spanEnds[i]!, paragraphStarts);
    // The keys in the order the corpus loader writes them.
    const article: Article = { id, file, format, date, meta, body, bodyLine, paragraphs, hash };
    articles.push(article);
    if (articlesById.has(id)) throw new Error('two articles with one id');
    articlesById.set(id, article);
    if (i % ARTICLES_PER_PAUSE === ARTICLES_PER_PAUSE - 1) await pause();
  }
  if (fields.length > 0 && spanEnds[fields.length - 1] !== spans.length) throw new Error('article spans do not cover their section');

  const strings = await textColumn('strings', 'stringEnds');
  const items = new ItemDecoder(articles, strings);
  // Each item is made once here, to check it fits, and let go: the library keeps the bytes.
  const itemTable = async <Kind extends 'meeting' | 'agreement'>(list: ItemListName, kind: Kind) => {
    const names = itemSections(list);
    const json = await column(names.json, 'u8');
    const table = new ItemsFromBytes({
      json: Buffer.from(json.buffer, json.byteOffset, json.byteLength),
      ends: await u32(names.ends),
      dates: await u32(names.dates),
      strings,
      decode: itemDecoderFor(items, kind),
    });
    for (let position = 0; position < table.length; position++) {
      table.make(position);
      if (position % ITEMS_PER_PAUSE === ITEMS_PER_PAUSE - 1) await pause();
    }
    return table;
  };
  const meetings = await itemTable('meetings', 'meeting');
  const agreements = await itemTable('agreements', 'agreement');
  const plannedMeetings = await itemTable('plannedMeetings', 'meeting');
  const plannedAgreements = await itemTable('plannedAgreements', 'agreement');
  const people = await personColumns(await readList('people', (entry) => entry), items, strings, pause);
  const termEnds = await u32('termEnds');
  const postingCount = termEnds.length === 0 ? 0 : termEnds[termEnds.length - 1]!;
  const columns: PassageIndexColumns = {
    documentIds: new DocumentIdTable(await wholeText('documentIds'), await u32('documentIdEnds')),
    terms: new TermTable(await wholeText('terms'), await u32('termTextEnds'), await u32('termSlots')),
    vocabulary: await readList('vocabulary', vocabularyEntry),
    averageLength: header.averageLength,
    fieldLengths: await u32('fieldLengths'),
    termEnds,
    documents: new PackedColumn(postingCount, {
      bases: await u32('documentBases'),
      widths: await column('documentWidths', 'u8'),
      words: await u32('documentWords'),
    }),
    frequencies: new PackedColumn(
      postingCount,
      { bases: await u32('frequencyBases'), widths: await column('frequencyWidths', 'u8'), words: await u32('frequencyWords') },
      'u8',
    ),
    overflowPositions: await u32('overflowPositions'),
    overflowFrequencies: await u32('overflowFrequencies'),
  };
  const paragraphCount = paragraphStarts.count;
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
  for (const check of columnChecks.values()) await check;
  return library;
}

/**
 * One list's decoder, which its item table keeps for the library's lifetime. Made here, not inside
 * decodeSections: a closure made there shares one context with all the closures beside it, and would
 * keep every variable they use alive, the library being served during a reload among them (a reload's
 * old library then stayed in memory, 250 MB of heap at 1M paragraphs).
 */
function itemDecoderFor<Kind extends 'meeting' | 'agreement'>(decoder: ItemDecoder, kind: Kind) {
  return (parsed: unknown) => decoder.item(parsed, kind);
}

/** The people as columns of string indices, each checked (see PersonColumns), pausing between slices. */
async function personColumns(rawPeople: readonly unknown[], items: ItemDecoder, strings: TextColumn, pause: () => Promise<void>) {
  const names = new Uint32Array(rawPeople.length);
  const roles = new Uint32Array(rawPeople.length);
  for (let i = 0; i < rawPeople.length; i++) {
    [names[i], roles[i]] = items.personIds(rawPeople[i], NO_ROLE);
    if (i % ITEMS_PER_PAUSE === ITEMS_PER_PAUSE - 1) await pause();
  }
  return new PersonColumns(names, roles, strings);
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

/** `fields` with the date object of an article read before it on the same date, when there is one. */
function withSharedDate(fields: ArticleFieldsRead, datesSeen: Map<string, ArticleDate>): ArticleFieldsRead {
  const { year, month, day, text } = fields.date;
  const key = `${year}-${month}-${day}-${text}`;
  const seen = datesSeen.get(key);
  if (seen === undefined) datesSeen.set(key, fields.date);
  else fields.date = seen;
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
