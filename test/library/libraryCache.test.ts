// The library cache: written once, read back as the very library a build makes, in stretches, with its
// checksums (how it is rebuilt when it does not match: libraryCacheRebuild.test.ts).
import { copyFile, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DIR, CACHE_FILE } from '../../src/library/cacheFormat.ts';
import { cachePath, readCacheEnvelope } from '../../src/library/cacheFile.ts';
import type { SavablePassageIndex } from '../../src/search/passageIndex.ts';
import { corpusKey } from '../../src/library/cacheKey.ts';
import { MANIFEST_FILE } from '../../src/library/corpusManifest.ts';
import { SectionHasher } from '../../src/library/sectionHasher.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import { encodeLibrary, packSections } from '../../src/library/encodeLibrary.ts';
import { copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';
import { makeArticle } from '../search/makeArticle.ts';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { answersOf, freshLibrary, open, plainCorpus } from './libraryCacheHelpers.ts';
import { everyItem } from '../../src/text/listByIndex.ts';

afterEach(removeCorpusCopies);

describe('the library cache', () => {
  it('is written on the first open and used on the next', async () => {
    const dir = await copyOfBundledCorpus();
    const first = await open(dir);
    expect(first.lastLoad).toMatchObject({ fromCache: false, warnings: [] });
    // The cache file and the corpus key's manifest, and no temporary file left beside them.
    expect(await readdir(join(dir, CACHE_DIR))).toEqual([MANIFEST_FILE, CACHE_FILE].sort());

    const second = await open(dir);
    expect(second.lastLoad).toMatchObject({ fromCache: true, warnings: [] });
    expect(second.current.paragraphCount).toBe(first.current.paragraphCount);
  });

  it('gives the same answers from the cache as from a fresh build', async () => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const cached = await open(dir);
    expect(cached.lastLoad?.fromCache).toBe(true);
    const fresh = await freshLibrary(dir);

    expect(answersOf(cached.current)).toEqual(answersOf(fresh));
    expect(plainCorpus(cached.current.corpus)).toEqual(plainCorpus(fresh.corpus));
    expect(everyItem(cached.current.people)).toEqual(everyItem(fresh.people));
    expect(cached.current.people.length).toBeGreaterThan(0);
    expect(cached.current.index.suggest('Stoltenbreg')).toEqual(fresh.index.suggest('Stoltenbreg'));
  });

  it('rebuilds the articles exactly: every paragraph and sentence is still a slice of the body', async () => {
    const dir = await copyOfBundledCorpus();
    const fresh = await freshLibrary(dir);
    const decoded = await decodeLibrary(encodeLibrary(fresh, await corpusKey(dir)));
    expect(plainCorpus(decoded.corpus)).toEqual(plainCorpus(fresh.corpus));
    for (const article of decoded.corpus.articles) {
      for (const paragraph of article.paragraphs) {
        expect(paragraph.text).toBe(article.body.slice(paragraph.start, paragraph.end));
        expect(paragraph.sentences.length).toBeGreaterThan(0);
        for (const sentence of paragraph.sentences) expect(sentence.text).toBe(article.body.slice(sentence.start, sentence.end));
      }
    }
  });

  it('gives the articles of one date one date object, equal to each article’s own, and keeps other dates apart', async () => {
    const articles = [
      makeArticle({ id: 'a', date: '2025-06', paragraphs: ['Hai bên hội đàm.'] }),
      makeArticle({ id: 'b', date: '2024-11', paragraphs: ['Hai bên ký kết.'] }),
      makeArticle({ id: 'c', date: '2025-06', paragraphs: ['Ông Rutte gặp ông Wi.'] }),
    ];
    const decoded = await decodeLibrary(encodeLibrary(buildLibrary({ articles, glossary: [] }), 'key'));
    const [a, b, c] = decoded.corpus.articles;
    expect(decoded.corpus.articles.map((article) => article.date)).toEqual(articles.map((article) => article.date));
    expect(a!.date).toBe(c!.date);
    expect(b!.date).not.toBe(a!.date);
  });

  it('reads only the header from the file: the decoder reads the postings into buffers of their own and uses them in place', async () => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const read = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!read.ok) throw new Error(read.reason);
    expect(read.encoded).not.toHaveProperty('sections');
    expect(read.encoded.offsets).toHaveLength(read.encoded.header.sections.length);
    const columns = ((await decodeLibrary(read.encoded)).index as SavablePassageIndex).toColumns();
    for (const column of [columns.termEnds, columns.overflowPositions, columns.fieldLengths]) {
      expect(column.byteOffset).toBe(0);
      expect(column.buffer.byteLength).toBe(column.byteLength);
    }
    // A small library's postings are stored as they are held, and used in place: the section's own
    // buffer (whole blocks of 64), nothing decoded.
    for (const [column, bytesPerValue] of [
      [columns.documents, 4],
      [columns.frequencies, 1],
    ] as const) {
      expect(column.isUnpacked).toBe(true);
      const values = column.view(0, column.length)!;
      expect(values.byteOffset).toBe(0);
      expect(values.buffer.byteLength).toBe(bytesPerValue * 64 * Math.ceil(column.length / 64));
    }
  });

  // Read a stretch at a time (the bundled bodies are 9.5 KB of UTF-16), an article's body is cut across
  // two reads of the file, a body or a JSON section is longer than the window, a stretch of text holds
  // one body (longer than the stretch asked for) or both.
  const STRETCHES = [
    { windowBytes: 64, textChunkUnits: 5 },
    { windowBytes: 1000, textChunkUnits: 700 },
    { windowBytes: 2051, textChunkUnits: 6000 },
  ];
  it.each(STRETCHES)('reads the same library from the file in stretches ($windowBytes bytes, $textChunkUnits units)', async (sizes) => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const fresh = await freshLibrary(dir);
    const read = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!read.ok) throw new Error(read.reason);
    const bodies = read.encoded.header.sections.find((section) => section.name === 'bodies')!;
    expect(bodies.bytes).toBeGreaterThan(4 * sizes.windowBytes);
    const decoded = await decodeLibrary(read.encoded, undefined, sizes);
    expect(plainCorpus(decoded.corpus)).toEqual(plainCorpus(fresh.corpus));
    expect(answersOf(decoded)).toEqual(answersOf(fresh));
    expect(everyItem(decoded.people)).toEqual(everyItem(fresh.people));
  });

  it.each(STRETCHES)('refuses a byte changed in the last stretch of the bodies ($windowBytes bytes)', async (sizes) => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const file = await readFile(cachePath(dir));
    const read = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!read.ok) throw new Error(read.reason);
    const index = read.encoded.header.sections.findIndex((section) => section.name === 'bodies');
    // The last body's last character (UTF-16: two bytes before the end), changed in place.
    const at = read.encoded.offsets[index]! + read.encoded.header.sections[index]!.bytes - 2;
    file[at] = file[at]! ^ 1;
    await writeFile(cachePath(dir), file);
    const changed = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!changed.ok) throw new Error(changed.reason);
    await expect(decodeLibrary(changed.encoded, undefined, sizes)).rejects.toThrow('section bodies is damaged (checksum)');
  });

  // Column sections are checksummed on the checksum thread while the decoder goes on: each must still be
  // refused, the ones read only at the end (the lookups) and the postings alike.
  it.each(['spans', 'documentWords', 'documentWidths', 'frequencyWords', 'articleOrderLookup'])(
    'refuses a byte changed in the %s column of the file',
    async (name) => {
      const dir = await copyOfBundledCorpus();
      await open(dir);
      const file = await readFile(cachePath(dir));
      const read = await readCacheEnvelope(dir, await corpusKey(dir));
      if (!read.ok) throw new Error(read.reason);
      const index = read.encoded.header.sections.findIndex((section) => section.name === name);
      const at = read.encoded.offsets[index]! + read.encoded.header.sections[index]!.bytes - 1;
      file[at] = file[at]! ^ 1;
      await writeFile(cachePath(dir), file);
      const changed = await readCacheEnvelope(dir, await corpusKey(dir));
      if (!changed.ok) throw new Error(changed.reason);
      await expect(decodeLibrary(changed.encoded)).rejects.toThrow(`section ${name} is damaged (checksum)`);
    },
  );

  it('reads no stretch of the file into the window before the checksum thread has hashed the last one it was given', async () => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const read = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!read.ok) throw new Error(read.reason);
    // Hands each stretch to the thread only after a while: a window refilled meanwhile would be hashed instead.
    class SlowHasher extends SectionHasher {
      override update(id: number, bytes: Uint8Array): Promise<void> {
        return new Promise((resolve) => setTimeout(resolve, 2)).then(() => super.update(id, bytes));
      }
    }
    // Windows that hold an article body (one stretch each), which the read of the next body refills.
    const fresh = answersOf(await freshLibrary(dir));
    for (const windowBytes of [4096, 8192]) {
      const sizes = { windowBytes, textChunkUnits: 5, checksumThread: () => new SlowHasher() };
      const decoded = await decodeLibrary(read.encoded, undefined, sizes);
      expect(answersOf(decoded)).toEqual(fresh);
    }
  });

  it('refuses a cache file replaced after its header was read, rather than read its bytes at the old places', async () => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const read = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!read.ok) throw new Error(read.reason);
    const copy = `${cachePath(dir)}.copy`;
    await copyFile(cachePath(dir), copy);
    await rename(copy, cachePath(dir));
    await expect(decodeLibrary(read.encoded)).rejects.toThrow('changed after its header was read');
  });

  it('crosses to another thread with its JSON in one buffer and each large section in its own, and decodes the same', async () => {
    const dir = await copyOfBundledCorpus();
    const fresh = await freshLibrary(dir);
    const packed = packSections(encodeLibrary(fresh, await corpusKey(dir)));
    const { header, sections } = packed;
    const jsonBuffers = new Set(header.sections.flatMap((section, i) => (section.type === 'json' ? [sections[i]!.buffer] : [])));
    expect(jsonBuffers.size).toBe(1);
    for (const [i, section] of header.sections.entries())
      if (section.type !== 'json') expect(sections[i]!.buffer.byteLength).toBe(sections[i]!.byteLength);
    expect(answersOf(await decodeLibrary(packed))).toEqual(answersOf(await freshLibrary(dir)));
  });
});
