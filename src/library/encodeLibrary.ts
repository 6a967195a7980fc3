// Turns a built Library into the cache's sections (see cacheFormat.ts), to write to the file or to post
// from the builder's thread or process to the bot's.

import type { Library } from './library.ts';
import type { Article } from '../corpus/types.ts';
import type { SavablePassageIndex } from '../search/passageIndex.ts';
import {
  type CacheHeader,
  type CompactArticle,
  type EncodedLibrary,
  type JsonSection,
  type U32Section,
  CACHE_VERSION,
  padding,
  sha256Of,
} from './cacheFormat.ts';

/** Characters of JSON per chunk: each parses in a millisecond or two. */
const CHUNK_CHARS = 32 * 1024;

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
