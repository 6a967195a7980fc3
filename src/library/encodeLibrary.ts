// Turns a built Library into the cache's sections (see cacheFormat.ts), to write to the file or to post
// from the builder's thread or process to the bot's.

import type { Library } from './library.ts';
import type { Article } from '../corpus/types.ts';
import type { SavablePassageIndex } from '../search/passageIndex.ts';
import {
  type ArticleFields,
  type CacheHeader,
  type EncodedLibrary,
  type JsonSection,
  type TextSection,
  type U32Section,
  type U8Section,
  CACHE_VERSION,
  ITEM_LISTS,
  itemSections,
  padding,
  sha256Of,
} from './cacheFormat.ts';
import { type ItemEncoding, StringTable, encodeItem, encodePerson } from './cacheItems.ts';
import { type EncodedText, encodeText, encodeTextTable } from './textTable.ts';
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import type { ItemTable } from './itemTable.ts';
import { encodeLookupSections } from './lookups/storedLookups.ts';
import { everyItem } from '../text/listByIndex.ts';

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
  // Own the bytes (a view of the whole buffer) so they can be transferred to another thread.
  const ownBytes = (values: Uint32Array | Uint8Array): Uint8Array => {
    const bytes = values.byteOffset === 0 && values.byteLength === values.buffer.byteLength ? values : values.slice();
    return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
  };
  const addU32 = (name: U32Section, values: Uint32Array) => {
    const bytes = ownBytes(values);
    header.sections.push({ type: 'u32', name, bytes: bytes.byteLength, sha256: sha256Of(bytes) });
    sections.push(bytes);
  };
  const addU8 = (name: U8Section, values: Uint8Array) => {
    const bytes = ownBytes(values);
    header.sections.push({ type: 'u8', name, bytes: bytes.byteLength, sha256: sha256Of(bytes) });
    sections.push(bytes);
  };

  const addText = (name: TextSection, text: EncodedText) => {
    header.sections.push({ type: 'text', name, encoding: text.encoding, bytes: text.bytes.byteLength, sha256: sha256Of(text.bytes) });
    sections.push(text.bytes);
  };

  const { articles } = library.corpus;
  const encoding: ItemEncoding = {
    articles,
    articleIndexById: new Map(articles.map((article, index) => [article.id, index])),
    strings: new StringTable(),
  };
  const items = (list: ItemTable<MeetingItem | AgreementItem>) => encodeItems(list, encoding);
  const itemLists = ITEM_LISTS.map((name) => ({ name, encoded: items(library[name]) }));
  const people = everyItem(library.people).map((person) => encodePerson(person, encoding));
  // Before the strings are encoded: the stored lookups name some of them.
  const lookups = encodeLookupSections(library, encoding.strings);
  // Vietnamese names, titles and summaries: UTF-16 (see textTable.ts); ids: UTF-8.
  const strings = encodeTextTable(encoding.strings.strings, 'utf16le');
  const spans = spansOf(articles);

  for (const lookup of lookups.lists) addU32(lookup.name, lookup.values);
  addText('lookupStrings', lookups.folded.text);
  addU32('lookupStringEnds', lookups.folded.ends);
  addJson('glossary', library.corpus.glossary);
  addJson('articles', articles.map(articleFields));
  const bodies = encodeTextTable(
    articles.map((article) => article.body),
    'utf16le',
  );
  addText('bodies', bodies.text);
  addU32('bodyEnds', bodies.ends);
  addU32('spanEnds', spans.ends);
  addU32('spans', spans.values);
  addText('strings', strings.text);
  addU32('stringEnds', strings.ends);
  for (const { name, encoded } of itemLists) {
    const sectionNames = itemSections(name);
    addU8(sectionNames.json, encoded.json);
    addU32(sectionNames.ends, encoded.ends);
    addU32(sectionNames.dates, encoded.dates);
  }
  addJson('people', people);
  addText('documentIds', encodeText(columns.documentIds.text, 'utf8'));
  addU32('documentIdEnds', columns.documentIds.ends);
  addText('terms', encodeText(columns.terms.text, 'utf8'));
  addU32('termTextEnds', columns.terms.ends);
  addU32('termSlots', columns.terms.slots);
  addJson('vocabulary', columns.vocabulary);
  addU32('fieldLengths', columns.fieldLengths);
  addU32('termEnds', columns.termEnds);
  const documents = columns.documents.parts();
  addU32('documentBases', documents.bases);
  addU8('documentWidths', documents.widths);
  addU32('documentWords', documents.words);
  const frequencies = columns.frequencies.parts();
  addU32('frequencyBases', frequencies.bases);
  addU8('frequencyWidths', frequencies.widths);
  addU32('frequencyWords', frequencies.words);
  addU32('overflowPositions', columns.overflowPositions);
  addU32('overflowFrequencies', columns.overflowFrequencies);
  return { header, sections };
}

/** A list's items as one UTF-8 text of their JSON (see cacheFormat.ts' itemSections), with where each ends and its date. */
function encodeItems(
  list: ItemTable<MeetingItem | AgreementItem>,
  encoding: ItemEncoding,
): { json: Uint8Array; ends: Uint32Array; dates: Uint32Array } {
  const texts: string[] = new Array<string>(list.length);
  const ends = new Uint32Array(list.length);
  const dates = new Uint32Array(list.length);
  let bytes = 0;
  for (let position = 0; position < list.length; position++) {
    const encoded = encodeItem(list.at(position), encoding);
    texts[position] = JSON.stringify(encoded);
    bytes += Buffer.byteLength(texts[position]!, 'utf8');
    ends[position] = bytes;
    dates[position] = encoded.date;
  }
  const json = Buffer.from(texts.join(''), 'utf8');
  if (json.byteLength !== bytes) throw new Error('items: JSON of an unexpected length');
  return { json: new Uint8Array(json.buffer, json.byteOffset, json.byteLength), ends, dates };
}

function articleFields(article: Article): ArticleFields {
  const { body: _body, paragraphs: _paragraphs, ...fields } = article;
  return fields;
}

/** Per article, per paragraph: start, end, sentence count, then start and end of each sentence. */
function spansOf(articles: readonly Article[]): { values: Uint32Array; ends: Uint32Array } {
  const ends = new Uint32Array(articles.length);
  let length = 0;
  articles.forEach((article, i) => {
    for (const paragraph of article.paragraphs) length += 3 + 2 * paragraph.sentences.length;
    ends[i] = length;
  });
  const values = new Uint32Array(length);
  let at = 0;
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      const { sentences } = paragraph;
      values[at++] = paragraph.start;
      values[at++] = paragraph.end;
      values[at++] = sentences.length;
      for (const sentence of sentences) {
        values[at++] = sentence.start;
        values[at++] = sentence.end;
      }
    }
  }
  return { values, ends };
}

/**
 * The same library with its JSON chunks copied into one buffer (8-byte aligned, as in the file), so it
 * crosses to another thread in a few transfers: the receiving thread takes each transferred buffer in
 * one blocking step, and thousands of them (one per JSON chunk) cost it tens of milliseconds. The large
 * sections (bodies, spans, postings) keep buffers of their own, so the receiver uses them in place.
 */
export function packSections(encoded: EncodedLibrary): EncodedLibrary {
  const small = encoded.header.sections.flatMap((section, i) => (section.type === 'json' ? [encoded.sections[i]!] : []));
  if (new Set(small.map((section) => section.buffer)).size <= 1) return encoded;
  const total = small.reduce((sum, section) => sum + section.byteLength + padding(section.byteLength), 0);
  const packed = new Uint8Array(new ArrayBuffer(total));
  let offset = 0;
  const sections = encoded.sections.map((section, i) => {
    if (encoded.header.sections[i]!.type !== 'json') return section;
    packed.set(section, offset);
    const view = packed.subarray(offset, offset + section.byteLength);
    offset += section.byteLength + padding(section.byteLength);
    return view;
  });
  return { header: encoded.header, sections };
}
