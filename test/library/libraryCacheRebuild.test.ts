// The library cache is never trusted when it does not match: a changed corpus, a damaged or foreign
// file, or something other than a regular file where the cache goes, each gets a rebuild (and says so).
// Apart from libraryCache.test.ts so that the two run side by side in the unit workers.
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DIR, CACHE_VERSION } from '../../src/library/cacheFormat.ts';
import { cachePath } from '../../src/library/cacheFile.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';
import { answersOf, firstArticle, freshLibrary, open, plainCorpus } from './libraryCacheHelpers.ts';

afterEach(removeCorpusCopies);

describe('the library cache', () => {
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
