// Rebuilds a Library from the cache's sections, checking every checksum and every item's shape first:
// a cache that does not fit throws, and the caller rebuilds from the corpus.

import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import type { Library, PersonEntry } from './library.ts';
import type { Checkpoint } from '../text/steps.ts';
import type { Article, GlossaryEntry } from '../corpus/types.ts';
import { paragraphsFromSpans } from './spanParagraph.ts';
import { type PassageIndexColumns, loadPassageIndexColumns } from '../search/passageIndex.ts';
import { StringPool, sharePersonEntry, shareItemStrings } from './shareStrings.ts';
import type { CompactArticle, EncodedLibrary, JsonSection, U32Section } from './cacheFormat.ts';

/** Items of a list checked and converted between two checkpoints. */
const ITEMS_PER_PAUSE = 128;
/** Bytes checksummed between two checkpoints (~1 ms). */
const HASH_STEP = 1024 * 1024;
/** Bytes of a posting column copied between two pauses (about a millisecond of copying). */
const COPY_STEP = 1024 * 1024;

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
  async function readList<Item>(
    name: JsonSection,
    itemSchema: z.ZodType<unknown>,
    convert: (item: unknown) => Item = (item) => item as Item,
  ) {
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
    // The section in a buffer of its own: a view into the whole file (or into the builder's packed
    // sections) would keep every other section alive with it, the JSON already decoded included (at 1M
    // paragraphs, over a gigabyte held for nothing). A buffer that is this section alone is used in place.
    const ownsItsBuffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    if (ownsItsBuffer) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    // Copied in slices, pausing between them: one copy of a posting column (tens of MB at 100k
    // paragraphs, its pages touched for the first time) blocked a reload's event loop for 70 ms.
    const own = new Uint8Array(bytes.byteLength);
    for (let start = 0; start < bytes.byteLength; start += COPY_STEP) {
      own.set(bytes.subarray(start, start + COPY_STEP), start);
      await pause();
    }
    return new Uint32Array(own.buffer, 0, own.byteLength / 4);
  };

  const glossary = glossarySchema.parse((await readList('glossary', z.unknown())) as unknown) as GlossaryEntry[];
  const articles = await readList('articles', compactArticleSchema, (item) => expandArticle(item as CompactArticle));
  const articlesById = new Map(articles.map((article) => [article.id, article]));
  const pool = new StringPool();
  const sharedMeeting = (item: unknown) => shareItemStrings(item as MeetingItem, articlesById, pool);
  const sharedAgreement = (item: unknown) => shareItemStrings(item as AgreementItem, articlesById, pool);
  const meetings = await readList('meetings', answerItemSchema, sharedMeeting);
  const agreements = await readList('agreements', answerItemSchema, sharedAgreement);
  const plannedMeetings = await readList('plannedMeetings', answerItemSchema, sharedMeeting);
  const plannedAgreements = await readList('plannedAgreements', answerItemSchema, sharedAgreement);
  const people = await readList('people', personSchema, (item) => sharePersonEntry(item as PersonEntry, articlesById, pool));
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
}

/** Cuts the paragraphs back out of the body, as `segmentBody` made them; their sentences on demand. */
function expandArticle(compact: CompactArticle): Article {
  const { spans, ...rest } = compact;
  return { ...rest, paragraphs: paragraphsFromSpans(rest.id, rest.body, spans) };
}
