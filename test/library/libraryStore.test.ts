import { appendFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { formatCorpusError } from '../../src/corpus/types.ts';
import { CorpusLoadError, LibraryStore, loadLibrary } from '../../src/library/libraryStore.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

afterEach(removeCorpusCopies);

async function articleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
}

describe('LibraryStore.reload (built in a child process, or a worker thread)', () => {
  it('swaps in the new library and reports what was added, removed and changed', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    const before = store.current;
    const [first, second] = await articleFiles(dir);
    await appendFile(join(dir, first!), '\nHai bên cũng đã ký kết thỏa thuận hợp tác mới.\n');
    await rm(join(dir, second!));
    await writeFile(join(dir, '002_new_article.txt'), articleText('2024-03', 'Ngày 14/3, hai bên đã hội đàm tại Hà Nội.'));

    const result = await store.reload();
    expect(result).toMatchObject({
      status: 'ok',
      added: ['002_new_article'],
      removed: [second!.replace('.txt', '')],
      changed: [first!.replace('.txt', '')],
      articleCount: 2,
      previousParagraphCount: before.paragraphCount,
    });
    expect(store.current).not.toBe(before);
    expect(store.current.articlesById.has('002_new_article')).toBe(true);
    expect(store.lastLoad?.fromCache).toBe(false);
    // The worker wrote the cache: the next start reads it.
    expect((await LibraryStore.open(dir)).lastLoad?.fromCache).toBe(true);
  });

  it('answers as a fresh build would after a reload', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    await writeFile(join(dir, '002_new_article.txt'), articleText('2024-03', 'Ngày 14/3, Tổng thư ký NATO Mark Rutte đã hội đàm với Thủ tướng tại Hà Nội.'));
    expect((await store.reload()).status).toBe('ok');
    const fresh = await loadLibrary(dir);
    if (!fresh.ok) throw new Error('the corpus should load');
    for (const question of ['Mark Rutte Hà Nội', 'hop tac quoc phong']) {
      const answer = ({ tookMs, ...rest }: ReturnType<typeof answerQuestion>) => rest;
      expect(answer(answerQuestion(store.current, { command: 'ask', question }))).toEqual(answer(answerQuestion(fresh.library, { command: 'ask', question })));
    }
  });

  it('reloads an unchanged folder from the cache', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    expect(await store.reload()).toMatchObject({ status: 'ok', added: [], removed: [], changed: [] });
    expect(store.lastLoad?.fromCache).toBe(true);
  });

  it('still reloads a corpus whose folder cannot hold the cache (built then in a worker), with a warning', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    // (Tests may run as root, which ignores read-only folders: a file where the cache folder should
    // be makes the write fail the same way.)
    await rm(join(dir, '.index-cache'), { recursive: true, force: true });
    await writeFile(join(dir, '.index-cache'), 'not a folder');
    await writeFile(join(dir, '002_new_article.txt'), articleText('2024-03', 'Ngày 14/3, hai bên đã hội đàm tại Hà Nội.'));
    const result = await store.reload();
    expect(result).toMatchObject({ status: 'ok', added: ['002_new_article'], warnings: [expect.stringContaining('could not write the index cache')] });
    expect(store.current.corpus.articles).toHaveLength(3);
  });

  it('keeps the old library when the new corpus is invalid, and lists file:line: reason', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    const before = store.current;
    await writeFile(join(dir, '002_broken.txt'), 'no header here\n\nbody\n');

    const result = await store.reload();
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.errors.map(formatCorpusError)).toEqual([expect.stringMatching(/^002_broken\.txt:\d+: .+/)]);
    expect(store.current).toBe(before);
    expect(answerQuestion(store.current, { command: 'ask', question: 'Stoltenberg' }).items.length).toBeGreaterThan(0);
  });

  it('answers `busy` to a second reload while one runs', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    const first = store.reload();
    expect(store.isReloading).toBe(true);
    expect(await store.reload()).toEqual({ status: 'busy' });
    expect((await first).status).toBe('ok');
    expect(store.isReloading).toBe(false);
  });

  it('reloadAfterCurrent waits for the reload running and then reads the folder again, so a file written meanwhile is loaded', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    const first = store.reload();
    await writeFile(join(dir, '002_written_meanwhile.txt'), articleText('2024-03', 'Ngày 14/3, hai bên đã hội đàm tại Hà Nội.'));
    const second = await store.reloadAfterCurrent();
    expect((await first).status).toBe('ok');
    expect(second.status).toBe('ok');
    expect(store.current.articlesById.has('002_written_meanwhile')).toBe(true);
  });

  it('keeps answering commands from the current library while a reload runs', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    await appendFile(join(dir, (await articleFiles(dir))[0]!), '\nMột câu mới.\n');
    const reload = store.reload();
    const answered: number[] = [];
    while (store.isReloading) {
      answered.push(answerQuestion(store.current, { command: 'ask', question: 'hop tac quoc phong' }).items.length);
      await nextTurn();
    }
    expect((await reload).status).toBe('ok');
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((count) => count > 0)).toBe(true);
  });
});

describe('LibraryStore.open', () => {
  it('throws CorpusLoadError listing every problem of an invalid corpus', async () => {
    const dir = await copyOfBundledCorpus();
    await writeFile(join(dir, '002_broken.txt'), 'no header here\n\nbody\n');
    const error = await LibraryStore.open(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as CorpusLoadError).errors.map(formatCorpusError)).toEqual([expect.stringMatching(/^002_broken\.txt:\d+: .+/)]);
  });

  it('reports a missing folder as a problem, not a crash', async () => {
    const error = await LibraryStore.open(join(await copyOfBundledCorpus(), 'missing')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as CorpusLoadError).errors[0]?.reason).toMatch(/cannot open the corpus folder/);
  });
});
