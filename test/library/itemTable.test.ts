// A library opened from its cache keeps its meetings and agreements as the cache's bytes and makes an
// item when an answer reads it: the same items as the library built, the same answers, and no more items
// made than a reply shows.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../src/library/library.ts';
import { type EncodedLibrary, sha256Of } from '../../src/library/cacheFormat.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import { encodeLibrary } from '../../src/library/encodeLibrary.ts';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { ItemArray, ItemsFromBytes } from '../../src/library/itemTable.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { MeetingItem } from '../../src/extract/items.ts';

const REAL_NEWS = fileURLToPath(new URL('../fixtures/real-news/corpus', import.meta.url));
const KEY = 'a'.repeat(64);

let built: Library;
let encoded: EncodedLibrary;
let decoded: Library;
beforeAll(async () => {
  const loaded = await loadLibrary(REAL_NEWS);
  if (!loaded.ok) throw new Error('the corpus should load');
  built = loaded.library;
  encoded = encodeLibrary(built, KEY);
  decoded = await decodeLibrary(encoded);
});
afterEach(() => vi.restoreAllMocks());

/** The encoded library with one section's bytes changed, its checksum made to match. */
function withSection(name: string, change: (text: string) => string): EncodedLibrary {
  const index = encoded.header.sections.findIndex((section) => section.name === name);
  const bytes = new TextEncoder().encode(change(Buffer.from(encoded.sections[index]!).toString('utf8')));
  const sections = encoded.sections.map((section, i) => (i === index ? bytes : section));
  const header = structuredClone(encoded.header);
  header.sections[index] = { ...header.sections[index]!, bytes: bytes.byteLength, sha256: sha256Of(bytes) } as never;
  return { header, sections };
}

describe('meetings and agreements read from the cache', () => {
  it('are the built ones, in order, with their dates read without making them', () => {
    expect(decoded.meetings).toBeInstanceOf(ItemsFromBytes);
    expect(decoded.meetings.length).toBeGreaterThan(20);
    for (const list of ['meetings', 'agreements', 'plannedMeetings', 'plannedAgreements'] as const) {
      expect([...decoded[list]]).toEqual([...built[list]]);
      for (let i = 0; i < decoded[list].length; i++) expect(decoded[list].dateAt(i)).toBe(built[list].at(i).date);
    }
  });

  it('give the same object for an item read again, and refuse a position outside the list', () => {
    expect(decoded.meetings.at(3)).toBe(decoded.meetings.at(3));
    expect(() => decoded.meetings.at(decoded.meetings.length)).toThrow(RangeError);
    expect(() => decoded.agreements.at(-1)).toThrow(RangeError);
  });

  it('read only the items of the page a member reads, for a list of every meeting and agreement', () => {
    const read = vi.spyOn(ItemsFromBytes.prototype, 'at');
    for (const command of ['who-met', 'agreements'] as const) {
      read.mockClear();
      const answer = answerQuestion(decoded, { command });
      const page = [0, 1, 2, 3, 4].map((i) => answer.items.at(i));
      expect(answer.items.length).toBeGreaterThan(20);
      expect(read.mock.calls.length).toBeLessThanOrEqual(5);
      expect(page).toEqual([0, 1, 2, 3, 4].map((i) => answerQuestion(built, { command }).items.at(i)));
    }
  });

  it('a cache whose item does not fit is refused at the open, not when a member asks', async () => {
    const damaged = withSection('meetingsJson', (text) => text.replace('"kind":"meeting"', '"kind":"meetinG"'));
    await expect(decodeLibrary(damaged)).rejects.toThrow('cache: a meeting that does not fit');
  });

  it('a cache whose date column differs from its items is refused', async () => {
    const index = encoded.header.sections.findIndex((section) => section.name === 'agreementsDates');
    const dates = new Uint32Array(encoded.sections[index]!.slice().buffer);
    // Every item's date moved to its neighbour's string.
    for (let i = 0; i < dates.length; i++) dates[i] = dates[i]! + 1;
    const bytes = new Uint8Array(dates.buffer);
    const header = structuredClone(encoded.header);
    header.sections[index] = { ...header.sections[index]!, sha256: sha256Of(bytes) } as never;
    const sections = encoded.sections.map((section, i) => (i === index ? bytes : section));
    await expect(decodeLibrary({ header, sections })).rejects.toThrow('cache: an item whose date differs from its column');
  });
});

describe('meetings held as built', () => {
  it('are read by position, and sliced as arrays are', () => {
    const items = [{ date: '2024-01' }, { date: '2024-02' }, { date: '2025-03' }] as MeetingItem[];
    const table = new ItemArray(items);
    expect(table.at(1)).toBe(items[1]);
    expect(table.dateAt(2)).toBe('2025-03');
    expect(table.slice(1)).toEqual(items.slice(1));
    expect(table.slice(-5, 2)).toEqual(items.slice(-5, 2));
    expect(table.slice(-1)).toEqual(items.slice(-1));
    expect([...table]).toEqual(items);
    expect(() => table.at(3)).toThrow(RangeError);
  });
});
