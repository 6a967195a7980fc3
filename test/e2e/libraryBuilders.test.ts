// The library built where the bot builds it: in a worker thread at start-up, in a low-priority child
// process on reload (a worker where that cannot start), with a watchdog, and stopped on shutdown. These
// start threads and processes, so they run with the end-to-end tests (`npm run test:e2e`).
import { appendFile, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { formatCorpusError } from '../../src/corpus/types.ts';
import { CACHE_DIR, CACHE_FILE } from '../../src/library/cacheFormat.ts';
import { MANIFEST_FILE } from '../../src/library/corpusManifest.ts';
import { buildForReload } from '../../src/library/chooseBuilder.ts';
import { LibraryStore, loadLibrary } from '../../src/library/libraryStore.ts';
import { buildInChildProcess } from '../../src/library/buildLibraryProcess.ts';
import { BuilderFailed, onBuilderStarted, runningBuilderPids, stopAllBuilders } from '../../src/library/builderWatch.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from '../library/corpusCopy.ts';
import { isRunning } from './support/childProcess.ts';

afterEach(removeCorpusCopies);

async function articleFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
}

describe('LibraryStore.open (built in a worker thread, as at start-up)', () => {
  it('builds the library, writes the cache on the first open and reads it on the next', async () => {
    const dir = await copyOfBundledCorpus();
    const first = await LibraryStore.open(dir);
    expect(first.lastLoad).toMatchObject({ fromCache: false, warnings: [] });
    expect(first.current.corpus.articles).toHaveLength(2);
    // The cache file and the corpus key's manifest, and no temporary file left beside them.
    expect(await readdir(join(dir, CACHE_DIR))).toEqual([MANIFEST_FILE, CACHE_FILE].sort());

    const second = await LibraryStore.open(dir);
    expect(second.lastLoad).toMatchObject({ fromCache: true, warnings: [] });
    expect(second.current.paragraphCount).toBe(first.current.paragraphCount);
  });
});

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

  it('keeps the served bodies of the articles that did not change, and reads the changed ones', async () => {
    const dir = await copyOfBundledCorpus();
    const opened = (await LibraryStore.open(dir)).current;
    const [first, second] = (await articleFiles(dir)).map((name) => name.replace('.txt', ''));
    // The unchanged article's body as served, marked: the same length, so the new spans still fit it.
    const marked = `Ⓧ${opened.articlesById.get(second!)!.body.slice(1)}`;
    const articles = opened.corpus.articles.map((article) => (article.id === second ? { ...article, body: marked } : article));
    const store = LibraryStore.fromLibrary(dir, {
      ...opened,
      corpus: { ...opened.corpus, articles },
      articlesById: new Map(articles.map((article) => [article.id, article])),
    });
    await appendFile(join(dir, `${first!}.txt`), '\nHai bên cũng đã ký kết thỏa thuận hợp tác mới.\n');
    expect(await store.reload()).toMatchObject({ status: 'ok', changed: [first] });
    expect(store.current.articlesById.get(second!)!.body).toBe(marked);
    expect(store.current.articlesById.get(first!)!.body).toContain('Hai bên cũng đã ký kết thỏa thuận hợp tác mới.');
  });

  it('answers as a fresh build would after a reload', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    await writeFile(
      join(dir, '002_new_article.txt'),
      articleText('2024-03', 'Ngày 14/3, Tổng thư ký NATO Mark Rutte đã hội đàm với Thủ tướng tại Hà Nội.'),
    );
    expect((await store.reload()).status).toBe('ok');
    const fresh = await loadLibrary(dir);
    if (!fresh.ok) throw new Error('the corpus should load');
    for (const question of ['Mark Rutte Hà Nội', 'hop tac quoc phong']) {
      const answer = ({ tookMs, ...rest }: ReturnType<typeof answerQuestion>) => rest;
      expect(answer(answerQuestion(store.current, { command: 'ask', question }))).toEqual(
        answer(answerQuestion(fresh.library, { command: 'ask', question })),
      );
    }
  });

  it('reloads an unchanged folder from the cache', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    expect(await store.reload()).toMatchObject({ status: 'ok', added: [], removed: [], changed: [] });
    expect(store.lastLoad?.fromCache).toBe(true);
  });

  it('still reloads a corpus whose cache folder is refused (a symlink: built then in a worker), with a warning, writing nothing through the link', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    const elsewhere = await mkdtemp(join(tmpdir(), 'citebot-elsewhere-'));
    await writeFile(join(elsewhere, 'old.tmp'), 'someone else’s file');
    await utimes(join(elsewhere, 'old.tmp'), new Date(0), new Date(0));
    await rm(join(dir, '.index-cache'), { recursive: true, force: true });
    await symlink(elsewhere, join(dir, '.index-cache'));
    await writeFile(join(dir, '002_new_article.txt'), articleText('2024-03', 'Ngày 14/3, hai bên đã hội đàm tại Hà Nội.'));
    const result = await store.reload();
    expect(result).toMatchObject({
      status: 'ok',
      added: ['002_new_article'],
      warnings: expect.arrayContaining([
        expect.stringContaining('the index cache was not written: .index-cache is a symbolic link: refused'),
      ]),
    });
    expect(store.current.corpus.articles).toHaveLength(3);
    expect(await readdir(elsewhere)).toEqual(['old.tmp']);
    await rm(elsewhere, { recursive: true, force: true });
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

describe('the library builder: watchdog, crash, shutdown', () => {
  const hanging = new URL('./fixtures/hangingBuilder.mjs', import.meta.url).href;
  const crashing = new URL('./fixtures/crashingBuilder.mjs', import.meta.url).href;

  it('kills a builder that never finishes once its time is up, and says so', async () => {
    const started: number[] = [];
    const stop = onBuilderStarted(({ pid }) => started.push(pid));
    const error = await buildInChildProcess({ corpusDir: await copyOfBundledCorpus() }, { timeoutMs: 1000, entry: hanging }).catch(
      (caught: unknown) => caught,
    );
    stop();
    expect(error).toBeInstanceOf(BuilderFailed);
    expect((error as Error).message).toContain('took longer than 1 s and was stopped');
    expect(started).toHaveLength(1);
    expect(isRunning(started[0]!)).toBe(false);
    expect(runningBuilderPids()).toEqual([]);
  });

  it('after a builder crashed, fails the reload instead of building inside the bot', async () => {
    const error = await buildForReload({ corpusDir: await copyOfBundledCorpus() }, 60_000, { entry: crashing }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BuilderFailed);
    expect((error as Error).message).toContain('exit code 134');
  });

  it('stops every running builder on shutdown', async () => {
    const started: number[] = [];
    const stop = onBuilderStarted(({ pid }) => started.push(pid));
    const building = buildInChildProcess({ corpusDir: await copyOfBundledCorpus() }, { timeoutMs: 60_000, entry: hanging }).catch(
      (caught: unknown) => caught,
    );
    stop();
    stopAllBuilders();
    expect(await building).toBeInstanceOf(BuilderFailed);
    expect(isRunning(started[0]!)).toBe(false);
  });

  it('clears the reload lock even when the reload fails', async () => {
    const dir = await copyOfBundledCorpus();
    const store = await LibraryStore.open(dir);
    await rm(dir, { recursive: true });
    expect((await store.reload()).status).toBe('failed');
    expect(store.isReloading).toBe(false);
  });
});
