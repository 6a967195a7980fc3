// The cache file's format, shared by its writer and its reader: a magic line, the header's byte length,
// the header (JSON, checked with zod, with each section's sha256), then sections, each 8-byte aligned.
// What is large is stored as it is held: the articles' bodies as UTF-16 (one copy per body, no JSON
// escapes, no UTF-8 to decode), their paragraph and sentence spans as little-endian Uint32 arrays used in
// place, the search index's postings in blocks of 64 (src/search/packedColumn.ts: packed in a large
// library, read where they lie; as they are in a small one, used in place); the meetings
// and agreements as each item's JSON of numbers, kept as bytes and parsed when an item is read
// (itemSections below). The rest is JSON in chunks of ~32 KB, so each `JSON.parse` is short and loading
// can pause between chunks; a citation's quote is stored as where it sits in its article's body, not as
// text (see cacheItems.ts).

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Article } from '../corpus/types.ts';
import { CACHE_DIR } from '../corpus/corpusFolder.ts';
import { LOOKUP_TEXT_SECTIONS, LOOKUP_U32_SECTIONS } from './lookupSectionNames.ts';

/**
 * The cache's format and content version: bump when src/search or src/extract change what they
 * produce (the analyzer's terms, the meetings/agreements/people extracted), or when this file's format
 * changes. A cache of another version is ignored and rebuilt.
 */
export const CACHE_VERSION = 8;
/** A dot-folder that the corpus scan never lists; `.gitignore` has `corpus/.index-cache*`. */
export { CACHE_DIR };
export const CACHE_FILE = 'library.bin';

export const MAGIC = Buffer.from('citebot-library-cache\n', 'latin1');
const ALIGNMENT = 8;

/** Zero bytes after a part of `length` bytes, so the next part starts 8-byte aligned. */
export const padding = (length: number) => (ALIGNMENT - (length % ALIGNMENT)) % ALIGNMENT;

export const JSON_SECTIONS = ['glossary', 'articles', 'people', 'vocabulary'] as const;
/** The lists of meetings and agreements, each stored as three sections (see {@link itemSections}). */
export const ITEM_LISTS = ['meetings', 'agreements', 'plannedMeetings', 'plannedAgreements'] as const;
export type ItemListName = (typeof ITEM_LISTS)[number];

/**
 * The sections of one list of items: each item's JSON of numbers (cacheItems.ts) one after another, as
 * UTF-8 bytes kept as they are and parsed when the item is read (itemTable.ts); where each ends; and
 * each item's date as its index in `strings`, which the engines read for many items (a year is a binary
 * search) without making them.
 */
export const itemSections = (list: ItemListName) => ({ json: `${list}Json`, ends: `${list}Ends`, dates: `${list}Dates` }) as const;

export const U32_SECTIONS = [
  /** The lookups the builder computed (see lookups/storedLookups.ts). */
  ...LOOKUP_U32_SECTIONS,
  ...ITEM_LISTS.flatMap((list) => [itemSections(list).ends, itemSections(list).dates]),
  /** Per article, where its body ends in `bodies`, in UTF-16 code units. */
  'bodyEnds',
  /** Per article, where its spans end in `spans`. */
  'spanEnds',
  /** Per article, per paragraph: start, end, sentence count, then start and end of each sentence. */
  'spans',
  /** Where each string of `strings` ends (see textTable.ts). */
  'stringEnds',
  /** Where each search term of `terms` ends. */
  'termTextEnds',
  /** The search terms' hash table (see src/search/termTable.ts). */
  'termSlots',
  /** Where each paragraph's id of `documentIds` ends. */
  'documentIdEnds',
  'fieldLengths',
  /** Where each term's postings end in `documents` and `frequencies`. */
  'termEnds',
  /** The postings' paragraphs, packed (see src/search/packedColumn.ts): per block of 64, its smallest, then the offsets' words. */
  'documentBases',
  'documentWords',
  /** The postings' frequency bytes (255: in the overflow sections), packed the same way. */
  'frequencyBases',
  'frequencyWords',
  /** The postings whose byte in `frequencies` is 255 (see src/search/frequencyColumn.ts), and their frequencies. */
  'overflowPositions',
  'overflowFrequencies',
] as const;
export const U8_SECTIONS = [
  /** Per block of 64 postings, the bits of each offset in `documentWords` and `frequencyWords`. */
  'documentWidths',
  'frequencyWidths',
  ...ITEM_LISTS.map((list) => itemSections(list).json),
] as const;
export const TEXT_SECTIONS = [
  ...LOOKUP_TEXT_SECTIONS,
  /** The articles' bodies one after another, as UTF-16LE: read back a few megabytes of whole bodies at a time. */
  'bodies',
  /** The names, titles, places, dates and summaries the items hold, each once: items name them by index. */
  'strings',
  /** The search index's terms. */
  'terms',
  /** The search index's paragraph ids (`articleId#number`), by short id. */
  'documentIds',
] as const;
export type JsonSection = (typeof JSON_SECTIONS)[number];
export type U32Section = (typeof U32_SECTIONS)[number];
export type U8Section = (typeof U8_SECTIONS)[number];
export type TextSection = (typeof TEXT_SECTIONS)[number];

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const headerSchema = z.object({
  version: z.literal(CACHE_VERSION),
  key: sha256Schema,
  endianness: z.literal('LE'),
  paragraphCount: z.number().int().nonnegative(),
  years: z.array(z.number().int()),
  averageLength: z.number().nonnegative(),
  sections: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('json'), name: z.enum(JSON_SECTIONS), bytes: z.number().int().nonnegative(), sha256: sha256Schema }),
      z.object({
        type: z.literal('u32'),
        name: z.enum(U32_SECTIONS),
        bytes: z.number().int().nonnegative().multipleOf(4),
        sha256: sha256Schema,
      }),
      z.object({ type: z.literal('u8'), name: z.enum(U8_SECTIONS), bytes: z.number().int().nonnegative(), sha256: sha256Schema }),
      z.object({
        type: z.literal('text'),
        name: z.enum(TEXT_SECTIONS),
        encoding: z.enum(['utf8', 'utf16le']),
        bytes: z.number().int().nonnegative(),
        sha256: sha256Schema,
      }),
    ]),
  ),
});
export type CacheHeader = z.infer<typeof headerSchema>;

/** A library ready to write or to post to another thread: `sections[i]` holds `header.sections[i]`. */
export interface EncodedLibrary {
  header: CacheHeader;
  sections: Uint8Array[];
}

/**
 * A library in its cache file: the header read and each section's place checked against the file's
 * length, no section's bytes read yet. decodeLibrary reads them from the file itself, the sections it
 * turns into strings and objects a stretch at a time, so the process never holds them whole.
 */
export interface LibraryInFile {
  header: CacheHeader;
  /** The file as it was when its header was read: a file replaced or rewritten since is refused. */
  file: CacheFileIdentity;
  /** Where each section starts in the file: `offsets[i]` for `header.sections[i]`. */
  offsets: number[];
}

export interface CacheFileIdentity {
  path: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Whether an encoded library is still in its cache file (else its sections are in memory). */
export const isInFile = (encoded: EncodedLibrary | LibraryInFile): encoded is LibraryInFile => 'file' in encoded;

/** An Article without its body (in `bodies`) and paragraphs (cut from the body by `spans`). */
export type ArticleFields = Omit<Article, 'body' | 'paragraphs'>;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
