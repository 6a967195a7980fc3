import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import type { Library } from '../../src/library/library.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import type { Question } from '../../src/answers/question.ts';
import { CACHE_DIR, CACHE_FILE, CACHE_VERSION } from '../../src/library/cacheFormat.ts';
import { cachePath, readCacheEnvelope } from '../../src/library/cacheFile.ts';
import type { SavablePassageIndex } from '../../src/search/passageIndex.ts';
import { corpusKey } from '../../src/library/cacheKey.ts';
import { MANIFEST_FILE } from '../../src/library/corpusManifest.ts';
import { SectionHasher } from '../../src/library/sectionHasher.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import { encodeLibrary, packSections } from '../../src/library/encodeLibrary.ts';
import { LibraryStore, loadLibrary } from '../../src/library/libraryStore.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

afterEach(removeCorpusCopies);

/**
 * Opens as the bot does, but builds in this thread: what is cached does not depend on where it was built
 * (the worker thread's build is tested end to end in test/e2e/libraryBuilders.test.ts).
 */
const open = (dir: string) => LibraryStore.open(dir, { buildInThisThread: true });

async function freshLibrary(dir: string): Promise<Library> {
  const loaded = await loadLibrary(dir);
  if (!loaded.ok) throw new Error('the bundled corpus should load');
  return loaded.library;
}

/**
 * A corpus as plain data: a paragraph read from the cache cuts its sentences on demand (a getter, not
 * an own property), so both sides are compared by what they read back.
 */
function plainCorpus(corpus: Corpus) {
  return {
    ...corpus,
    articles: corpus.articles.map((article) => ({
      ...article,
      // Read field by field: a paragraph from the cache reads its text, start, end and sentences through getters.
      paragraphs: article.paragraphs.map(({ articleId, number, text, start, end, sentences }) => ({
        articleId,
        number,
        text,
        start,
        end,
        sentences,
      })),
    })),
  };
}

async function firstArticle(dir: string): Promise<string> {
  return (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort()[0]!;
}

const QUESTIONS: Question[] = [
  { command: 'ask', question: 'hop tac cong nghiep quoc phong' },
  { command: 'ask', question: 'Stoltenbreg' },
  { command: 'ask', question: 'defense industry', year: 2025 },
  { command: 'who-met', year: 2025 },
  { command: 'who-met', person: 'stoltenberg' },
  { command: 'agreements', topic: 'defense industry' },
  { command: 'sources' },
  { command: 'cite', id: '001_03677d34c6a97d66' },
];

/** What a member would see, without the timing. */
function answersOf(library: Library) {
  return QUESTIONS.map((question) => ({ ...answerQuestion(library, question), tookMs: undefined }));
}

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
    expect(cached.current.people).toEqual(fresh.people);
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

  it('reads only the header from the file: the decoder reads the postings into buffers of their own and uses them in place', async () => {
    const dir = await copyOfBundledCorpus();
    await open(dir);
    const read = await readCacheEnvelope(dir, await corpusKey(dir));
    if (!read.ok) throw new Error(read.reason);
    expect(read.encoded).not.toHaveProperty('sections');
    expect(read.encoded.offsets).toHaveLength(read.encoded.header.sections.length);
    const columns = ((await decodeLibrary(read.encoded)).index as SavablePassageIndex).toColumns();
    for (const column of [columns.documents, columns.frequencies]) {
      expect(column.byteOffset).toBe(0);
      expect(column.buffer.byteLength).toBe(column.byteLength);
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
    expect(decoded.people).toEqual(fresh.people);
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
  it.each(['spans', 'documents', 'frequencies', 'articleOrderLookup'])(
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
        return new Promise((resolve) => setTimeout(resolve, 20)).then(() => super.update(id, bytes));
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

  describe('is rebuilt when the corpus changes', () => {
    const changes: Record<string, (dir: string) => Promise<void>> = {
      'an article is edited': async (dir) => appendFile(join(dir, await firstArticle(dir)), '\nMột câu mới.\n'),
      'an article is added': async (dir) => writeFile(join(dir, '002_added.txt'), articleText('2024-01', 'Hai bên đã hội đàm tại Hà Nội.')),
      'an article is removed': async (dir) => rm(join(dir, await firstArticle(dir))),
      'an article is renamed': async (dir) => {
        const name = await firstArticle(dir);
        await copyFile(join(dir, name), join(dir, `renamed_${name}`));
        await rm(join(dir, name));
      },
      'the glossary is edited': async (dir) => writeFile(join(dir, 'glossary.json'), '[{"en": ["summit"], "vi": ["thượng đỉnh"]}]'),
    };
    for (const [change, apply] of Object.entries(changes)) {
      it(`when ${change}`, async () => {
        const dir = await copyOfBundledCorpus();
        const before = await open(dir);
        await apply(dir);
        const after = await open(dir);
        expect(after.lastLoad?.fromCache).toBe(false);
        expect(plainCorpus(after.current.corpus)).toEqual(plainCorpus((await freshLibrary(dir)).corpus));
        expect(plainCorpus(before.current.corpus)).not.toEqual(plainCorpus(after.current.corpus));
        expect((await open(dir)).lastLoad?.fromCache).toBe(true);
      });
    }
  });

  describe('ignores a damaged or foreign cache and rebuilds it', () => {
    const damages: Record<string, (bytes: Buffer) => Buffer> = {
      'garbage bytes': () => Buffer.from('this is not a cache at all \u0000\u0001\u0002'),
      'an empty file': () => Buffer.alloc(0),
      'a truncated file': (bytes) => bytes.subarray(0, Math.floor(bytes.byteLength / 2)),
      'a truncated header': (bytes) => bytes.subarray(0, 40),
      'another cache version': (bytes) => withHeader(bytes, (header) => ({ ...header, version: CACHE_VERSION + 1 })),
      'another corpus’s key': (bytes) => withHeader(bytes, (header) => ({ ...header, key: 'a'.repeat(64) })),
      'a header of the wrong shape': (bytes) => withHeader(bytes, (header) => ({ ...header, sections: 'all of them' })),
      // Bodies are stored as UTF-16, the table of names and places as UTF-8.
      'one byte changed inside an article': (bytes) => changedAt(bytes, Buffer.from('Stoltenberg', 'utf16le')),
      'one byte changed inside a name': (bytes) => changedAt(bytes, Buffer.from('Stoltenberg', 'utf8')),
    };
    for (const [damage, apply] of Object.entries(damages)) {
      it(`such as ${damage}`, async () => {
        const dir = await copyOfBundledCorpus();
        const fresh = await open(dir);
        await writeFile(cachePath(dir), apply(await readFile(cachePath(dir))));

        const reopened = await open(dir);
        expect(reopened.lastLoad?.fromCache).toBe(false);
        expect(answersOf(reopened.current)).toEqual(answersOf(fresh.current));
        expect((await open(dir)).lastLoad?.fromCache).toBe(true);
      });
    }
  });

  it('replaces a file where the cache folder goes, says so, and reads the new cache next time', async () => {
    const dir = await copyOfBundledCorpus();
    await writeFile(join(dir, CACHE_DIR), 'not a folder');
    const store = await open(dir);
    expect(store.current.corpus.articles).toHaveLength(2);
    expect(store.lastLoad?.warnings).toEqual(expect.arrayContaining([expect.stringContaining('.index-cache was not a folder: replaced')]));
    expect((await open(dir)).lastLoad?.fromCache).toBe(true);
  });

  it('replaces a folder where the cache file goes (instead of rebuilding on every start), and says so', async () => {
    const dir = await copyOfBundledCorpus();
    await mkdir(cachePath(dir), { recursive: true });
    const store = await open(dir);
    expect(store.lastLoad?.warnings).toEqual([
      expect.stringContaining('library.bin is not a regular file'),
      expect.stringContaining('library.bin was not a file: replaced'),
    ]);
    expect((await open(dir)).lastLoad?.fromCache).toBe(true);
  });

  it('never reads a cache file that is a link to /dev/zero: it is replaced', async () => {
    const dir = await copyOfBundledCorpus();
    await mkdir(join(dir, CACHE_DIR));
    await symlink('/dev/zero', cachePath(dir));
    const store = await open(dir);
    expect(store.lastLoad?.warnings[0]).toContain('library.bin is not a regular file');
    expect((await open(dir)).lastLoad?.fromCache).toBe(true);
  });

  it('refuses a cache folder that is a symlink: nothing is read or written through it', async () => {
    const dir = await copyOfBundledCorpus();
    const elsewhere = await mkdtemp(join(tmpdir(), 'citebot-elsewhere-'));
    await symlink(elsewhere, join(dir, CACHE_DIR));
    const store = await open(dir);
    expect(store.current.corpus.articles).toHaveLength(2);
    expect(store.lastLoad?.warnings).toEqual([
      expect.stringContaining('index cache not used: .index-cache is a symbolic link: refused'),
      expect.stringContaining('the index cache was not written: .index-cache is a symbolic link: refused'),
    ]);
    expect(await readdir(elsewhere)).toEqual([]);
    await rm(elsewhere, { recursive: true, force: true });
  });
});

/** The file with the first byte of `found` changed: it must be there. */
function changedAt(bytes: Buffer, found: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf(found);
  expect(at).toBeGreaterThan(0);
  copy[at] = 'X'.charCodeAt(0);
  return copy;
}

/** Rewrites the JSON header of a cache file (magic line, 4-byte length, header, rest). */
function withHeader(bytes: Buffer, change: (header: Record<string, unknown>) => unknown): Buffer {
  const magicLength = bytes.indexOf(0x0a) + 1;
  const headerLength = bytes.readUInt32LE(magicLength);
  const headerStart = magicLength + 4;
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as Record<string, unknown>;
  const newHeader = Buffer.from(JSON.stringify(change(header)));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(newHeader.byteLength);
  return Buffer.concat([bytes.subarray(0, magicLength), length, newHeader, bytes.subarray(headerStart + headerLength)]);
}
