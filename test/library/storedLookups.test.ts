// The lookups the builder stores in the library's cache (src/library/lookups/storedLookups.ts): a library
// read back answers exactly as the one built, without computing them again, and a lookup section that
// is damaged or does not fit the library is refused (so the caller rebuilds).
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { completeCiteId, completePerson, completeQuestion, completeTopic } from '../../src/answers/autocomplete.ts';
import type { Question } from '../../src/answers/question.ts';
import type { Library } from '../../src/library/library.ts';
import type { EncodedLibrary } from '../../src/library/cacheFormat.ts';
import { sha256Of } from '../../src/library/cacheFormat.ts';
import { cachePath, writeLibraryCache } from '../../src/library/cacheFile.ts';
import { corpusKey } from '../../src/library/cacheKey.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import { encodeLibrary } from '../../src/library/encodeLibrary.ts';
import { LibraryStore, loadLibrary } from '../../src/library/libraryStore.ts';
import { participantNamesIndex } from '../../src/library/lookups/participantNames.ts';
import { meetingsByParticipantIndex } from '../../src/library/lookups/meetingsByParticipant.ts';
import { agreementQuotesIndex } from '../../src/library/lookups/agreementsByWord.ts';
import { agreementsByArticleIndex } from '../../src/library/lookups/agreementsByParagraph.ts';
import { partiesIndex } from '../../src/library/lookups/itemsOfParties.ts';
import { peopleWordsIndex } from '../../src/library/lookups/peopleByWord.ts';
import { everyItem } from '../../src/text/listByIndex.ts';
import { articleIdOrderIndex, articleIdsIndex } from '../../src/library/lookups/articleIds.ts';
import { articleListIndex, articleOrderIndex } from '../../src/library/lookups/articleList.ts';
import { peopleOf, topicsOf } from '../../src/library/lookups/popularTopics.ts';
import { packLists } from '../../src/library/lookups/storedLists.ts';
import { copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

afterEach(removeCorpusCopies);

const REAL_NEWS = fileURLToPath(new URL('../fixtures/real-news/corpus', import.meta.url));

async function builtLibrary(dir: string): Promise<Library> {
  const loaded = await loadLibrary(dir);
  if (!loaded.ok) throw new Error('the corpus should load');
  return loaded.library;
}

/** The real-news library, built once for the whole file: every test reads it, none changes it. */
let realNews: Promise<Library> | undefined;
const builtRealNews = (): Promise<Library> => (realNews ??= builtLibrary(REAL_NEWS));

/**
 * Every lookup a library keeps, as its value. A list of strings is compared by the strings it gives:
 * read back from the cache it is a view of a table of text, as built an array.
 */
function lookupsOf(library: Library) {
  const agreementQuotes = agreementQuotesIndex.get(library);
  const parties = partiesIndex.get(library);
  return {
    participantNames: participantNamesIndex.get(library),
    meetingsByParticipant: meetingsByParticipantIndex.get(library),
    agreementQuotes: { ...agreementQuotes, foldedAgreementQuotes: everyItem(agreementQuotes.foldedAgreementQuotes) },
    agreementsByArticle: agreementsByArticleIndex.get(library),
    parties: { ...parties, segments: everyItem(parties.segments) },
    peopleWords: everyItem(peopleWordsIndex.get(library)),
    articleIdOrder: articleIdOrderIndex.get(library),
    articleIds: articleIdsIndex.get(library),
    articleOrder: articleOrderIndex.get(library),
    articleList: [...articleListIndex.get(library)],
    topics: topicsOf.get(library),
    prominentPeople: peopleOf.get(library),
  };
}

const QUESTIONS: Question[] = [
  { command: 'who-met', person: 'Phạm Minh Chính' },
  { command: 'who-met', person: 'sukyeol' },
  { command: 'who-met', person: 'Cho Tae' },
  { command: 'who-met', person: 'Bui Thanh Snn' },
  { command: 'who-met', person: 'Nhật Bản' },
  { command: 'who-met', person: 'tổng thống', year: 2025 },
  { command: 'agreements', topic: 'an ninh' },
  { command: 'agreements', topic: 'hop tac quoc phong' },
  { command: 'agreements', topic: 'qwertyuiop' },
  { command: 'ask', question: 'Hàn Quốc và NATO đã thống nhất điều gì?' },
  { command: 'ask', question: 'Ai đã gặp Tổng thư ký NATO?' },
  { command: 'ask', question: 'xyzzy plugh' },
  { command: 'sources' },
];

function answersOf(library: Library) {
  return {
    answers: QUESTIONS.map((question) => ({ ...answerQuestion(library, question), tookMs: undefined })),
    people: ['pham', 'yoon', 'biden', 'tong thu'].map((typed) => completePerson(library, typed)),
    topics: ['an ninh', 'quoc'].map((typed) => completeTopic(library, typed)),
    questions: ['hàn quốc', 'nato'].map((typed) => completeQuestion(library, typed)),
    ids: ['0', '00', 'x'].map((typed) => completeCiteId(library, typed)),
  };
}

const sectionIndex = (encoded: EncodedLibrary, name: string) => encoded.header.sections.findIndex((section) => section.name === name);

/** `encoded` with one section's bytes replaced, its checksum and length made to match them. */
function withSection(encoded: EncodedLibrary, name: string, values: Uint32Array): EncodedLibrary {
  const at = sectionIndex(encoded, name);
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  const sections = encoded.sections.slice();
  sections[at] = bytes;
  const headerSections = encoded.header.sections.slice();
  headerSections[at] = { ...headerSections[at]!, bytes: bytes.byteLength, sha256: sha256Of(bytes) } as (typeof headerSections)[number];
  return { header: { ...encoded.header, sections: headerSections }, sections };
}

/** A lookup section's values, copied. */
function valuesOf(encoded: EncodedLibrary, name: string): Uint32Array {
  const bytes = encoded.sections[sectionIndex(encoded, name)]!;
  return new Uint32Array(bytes.slice().buffer);
}

describe('the lookups stored in the library cache', () => {
  it('are read back equal to those the built library computed, and used in place', async () => {
    const built = await builtRealNews();
    const encoded = encodeLibrary(built, 'a'.repeat(64));
    const decoded = await decodeLibrary(encoded);
    expect(built.meetings.length).toBeGreaterThan(0);
    expect(built.agreements.length).toBeGreaterThan(0);
    expect(lookupsOf(decoded)).toEqual(lookupsOf(built));
    // Kept from the section itself: not computed again at open.
    const section = encoded.sections[sectionIndex(encoded, 'meetingsByParticipantLookup')]!;
    expect(meetingsByParticipantIndex.get(decoded).positions.buffer).toBe(section.buffer);
  });

  it('answer /who-met, /agreements, /ask, /sources and autocomplete exactly as the built library', async () => {
    const built = await builtRealNews();
    const decoded = await decodeLibrary(encodeLibrary(built, 'a'.repeat(64)));
    const fromCache = answersOf(decoded);
    expect(fromCache).toEqual(answersOf(await builtRealNews()));
    // Names, a solid name, a prefix, a title's word, a topic: each finds items (the misspelling finds none).
    for (const i of [0, 1, 2, 4, 5, 6]) expect(fromCache.answers[i]!.items.length).toBeGreaterThan(0);
  });

  describe('are refused when they do not fit', () => {
    const cases: Record<string, (encoded: EncodedLibrary) => EncodedLibrary> = {
      'a byte changed (checksum)': (encoded) => {
        const at = sectionIndex(encoded, 'agreementQuotesLookup');
        const sections = encoded.sections.slice();
        const bytes = sections[at]!.slice();
        bytes[9] = bytes[9]! ^ 1;
        sections[at] = bytes;
        return { header: encoded.header, sections };
      },
      'a meeting position past the meetings': (encoded) => {
        const values = valuesOf(encoded, 'meetingsByParticipantLookup');
        values[values.length - 1] = 1_000_000;
        return withSection(encoded, 'meetingsByParticipantLookup', values);
      },
      'positions out of order': (encoded) => {
        const values = valuesOf(encoded, 'agreementsByArticleLookup');
        const [, starts, positions] = readLists(values);
        const id = starts!.findIndex((start, i) => i + 1 < starts!.length && starts![i + 1]! - start >= 2);
        positions![starts![id]! + 1] = positions![starts![id]!]!;
        return withSection(encoded, 'agreementsByArticleLookup', values);
      },
      'folded quotes of another library': (encoded) => withSection(encoded, 'agreementQuotesLookup', packLists([[0], [], [0], []])),
      'a string index past the table': (encoded) => {
        const values = valuesOf(encoded, 'peopleWordsLookup');
        values[1] = 0xffffffff;
        return withSection(encoded, 'peopleWordsLookup', values);
      },
      'an article order that is no permutation': (encoded) => {
        const values = valuesOf(encoded, 'articleOrderLookup');
        values[2] = values[1]!;
        return withSection(encoded, 'articleOrderLookup', values);
      },
      'a lookup cut short': (encoded) => {
        const values = valuesOf(encoded, 'partiesLookup');
        return withSection(encoded, 'partiesLookup', values.slice(0, values.length - 1));
      },
      'a lookup with more than it should': (encoded) =>
        withSection(encoded, 'popularLookup', packLists([...readLists(valuesOf(encoded, 'popularLookup')), [1]])),
    };
    for (const [change, apply] of Object.entries(cases)) {
      it(`such as ${change}`, async () => {
        const built = await builtRealNews();
        const encoded = encodeLibrary(built, 'a'.repeat(64));
        await expect(decodeLibrary(apply(encoded))).rejects.toThrow(/cache|checksum/);
      });
    }
  });

  it('a cache file whose lookup does not fit is rebuilt by the store, which answers as before', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir, { buildInThisThread: true });
    const encoded = encodeLibrary(store.current, await corpusKey(dir));
    const values = valuesOf(encoded, 'meetingsByParticipantLookup');
    values[values.length - 1] = 1_000_000;
    const written = await writeLibraryCache(dir, withSection(encoded, 'meetingsByParticipantLookup', values));
    expect(written.ok).toBe(true);
    const reopened = await LibraryStore.open(dir, { buildInThisThread: true });
    expect(reopened.lastLoad?.fromCache).toBe(false);
    expect(answersOf(reopened.current)).toEqual(answersOf(store.current));
    expect(cachePath(dir)).toContain(dir);
  });
});

/** The lists of a packed section. */
function readLists(packed: Uint32Array): Uint32Array[] {
  const lists: Uint32Array[] = [];
  for (let at = 0; at < packed.length; at += 1 + packed[at]!) lists.push(packed.subarray(at + 1, at + 1 + packed[at]!));
  return lists;
}
