// A reload keeps the bodies of the articles that did not change, from the library being served, instead
// of making them again from the cache: the largest part of a library is then held once, not twice.
import { appendFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/library/library.ts';
import { readCacheEnvelope } from '../../src/library/cacheFile.ts';
import { corpusKey } from '../../src/library/cacheKey.ts';
import { decodeLibrary } from '../../src/library/decodeLibrary.ts';
import { LibraryStore } from '../../src/library/libraryStore.ts';
import { type TextSource, decodeTextTable, encodeTextTable } from '../../src/library/textTable.ts';
import { copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

afterAll(removeCorpusCopies);

const open = (dir: string) => LibraryStore.open(dir, { buildInThisThread: true });

/** V8's full collection, made callable without `--expose-gc`; a WeakRef is cleared only after its job ends. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
async function collectGarbage(): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}

/** The library with one article's body replaced: what a decode that reuses bodies would then show. */
function withBody(library: Library, articleId: string, body: string): Library {
  const articles = library.corpus.articles.map((article) => (article.id === articleId ? { ...article, body } : article));
  return { ...library, corpus: { ...library.corpus, articles }, articlesById: new Map(articles.map((article) => [article.id, article])) };
}

/** The folder's first article changed on disk, its cache rebuilt: the served library and the new cache. */
async function servedThenChanged() {
  const dir = await copyOfBundledCorpus();
  const served = (await open(dir)).current;
  const [first, second] = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  await appendFile(join(dir, first!), '\nHai bên nhất trí tăng cường hợp tác quốc phòng.\n');
  const rebuilt = (await open(dir)).current;
  const read = await readCacheEnvelope(dir, await corpusKey(dir));
  if (!read.ok) throw new Error(read.reason);
  return { served, rebuilt, encoded: read.encoded, changed: first!.replace(/\.txt$/, ''), unchanged: second!.replace(/\.txt$/, '') };
}

describe('a reload decoding its new library beside the one being served', () => {
  // Built once: the tests only read it (the one that spoils a checksum does so on a copy of the header).
  let built: Awaited<ReturnType<typeof servedThenChanged>>;
  beforeAll(async () => {
    built = await servedThenChanged();
  });

  it('takes the unchanged article’s body from the served library and reads the changed one from the cache', async () => {
    const { served, rebuilt, encoded, changed, unchanged } = built;
    // A marker the cache cannot hold: the same length, so it fits the spans, but a letter changed.
    const held = served.articlesById.get(unchanged)!.body;
    const marked = `Ⓧ${held.slice(1)}`;
    const decoded = await decodeLibrary(encoded, undefined, { bodiesFrom: withBody(served, unchanged, marked), textChunkUnits: 5 });
    expect(decoded.articlesById.get(unchanged)!.body).toBe(marked);
    expect(decoded.articlesById.get(unchanged)!.paragraphs.numbered(1)!.text.startsWith('Ⓧ')).toBe(true);
    // The changed article (another hash) is read from the cache: its new sentence is there.
    expect(decoded.articlesById.get(changed)!.body).toBe(rebuilt.articlesById.get(changed)!.body);
    expect(decoded.articlesById.get(changed)!.body).toContain('Hai bên nhất trí tăng cường hợp tác quốc phòng.');
    expect(served.articlesById.get(changed)!.body).not.toContain('Hai bên nhất trí tăng cường hợp tác quốc phòng.');
  });

  it('gives the same library as a decode that reuses nothing', async () => {
    const { served, rebuilt, encoded } = built;
    for (const textChunkUnits of [5, undefined]) {
      const decoded = await decodeLibrary(encoded, undefined, { bodiesFrom: served, textChunkUnits });
      expect(decoded.corpus.articles.map((article) => article.body)).toEqual(rebuilt.corpus.articles.map((article) => article.body));
      expect(decoded.meetings).toEqual(rebuilt.meetings);
      expect(decoded.agreements).toEqual(rebuilt.agreements);
      expect(decoded.index.search('hợp tác quốc phòng')).toEqual(rebuilt.index.search('hợp tác quốc phòng'));
    }
  });

  it('keeps nothing of the library it was decoded beside: after the switch the old one is freed', async () => {
    let served: Library | undefined = await decodeLibrary(built.encoded);
    const decoded = await decodeLibrary(built.encoded, undefined, { bodiesFrom: served });
    const old = new WeakRef(served);
    // Let the test's own reference go: only the decoded library could keep it now.
    // eslint-disable-next-line no-useless-assignment
    served = undefined;
    await collectGarbage();
    expect(old.deref()).toBeUndefined();
    // The new library is whole (and held until here).
    expect([...decoded.meetings]).toEqual([...built.rebuilt.meetings]);
  });

  it('refuses a served body whose length does not fit the cache (the caller then builds afresh)', async () => {
    const { served, encoded, unchanged } = built;
    const longer = `${served.articlesById.get(unchanged)!.body} `;
    await expect(decodeLibrary(encoded, undefined, { bodiesFrom: withBody(served, unchanged, longer) })).rejects.toThrow(/wrong length/);
  });

  it('still checks the whole bodies section when every body is reused', async () => {
    const { rebuilt, encoded: intact } = built;
    // The rebuilt library has every article's hash: no body is made from the cache, yet its bytes are checked.
    const sections = intact.header.sections.map((section) =>
      section.name === 'bodies' ? { ...section, sha256: '0'.repeat(64) } : section,
    );
    const encoded = { ...intact, header: { ...intact.header, sections } };
    await expect(decodeLibrary(encoded, undefined, { bodiesFrom: rebuilt })).rejects.toThrow('section bodies is damaged (checksum)');
  });
});

describe('a table of strings read for some of its strings only', () => {
  it('gives the wanted strings whole and leaves the others out, reading every stretch in order', async () => {
    const strings = ['Hội đàm', '', 'tại Hà Nội 🇻🇳.', 'Hai bên nhất trí hợp tác quốc phòng.', 'a', '😀😀', '', 'Ông Rutte gặp ông Wi.'];
    const { text, ends } = encodeTextTable(strings, 'utf16le');
    const reads: Array<[number, number]> = [];
    const source: TextSource = {
      encoding: 'utf16le',
      byteLength: text.bytes.byteLength,
      read: async (start, end) => {
        reads.push([start, end]);
        return text.bytes.slice(start, end);
      },
    };
    const wanted = (i: number) => i === 2 || i === 7;
    const decoded = await decodeTextTable(source, ends, undefined, 4, wanted);
    expect(decoded).toEqual(strings.map((value, i) => (wanted(i) ? value : undefined)));
    // Every byte was asked for, once and in order, the unwanted stretches too (their source checksums them).
    expect(reads[0]![0]).toBe(0);
    for (let i = 1; i < reads.length; i++) expect(reads[i]![0]).toBe(reads[i - 1]![1]);
    expect(reads.at(-1)![1]).toBe(text.bytes.byteLength);
  });
});
