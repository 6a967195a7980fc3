// LibraryStore.open on a corpus with bad files, built in this thread: what is served and what is kept
// for the logs. The same build in a worker thread or a child process, and reloads, are tested end to
// end in test/e2e/libraryBuilders.test.ts (they start threads and processes).
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { formatCorpusError } from '../../src/corpus/types.ts';
import { CorpusLoadError, LibraryStore, type OpenOptions } from '../../src/library/libraryStore.ts';
import { builderEnvironment } from '../../src/library/buildLibraryProcess.ts';
import { articleText, copyOfBundledCorpus, removeCorpusCopies } from './corpusCopy.ts';

afterEach(removeCorpusCopies);

/** Opens as the bot does, but builds in this thread: the builder is not what these tests are about. */
const open = (dir: string, options: OpenOptions = {}) => LibraryStore.open(dir, { ...options, buildInThisThread: true });

describe('LibraryStore.open', () => {
  it('throws CorpusLoadError listing every problem of an invalid corpus when told to fail (the CLI)', async () => {
    const dir = await copyOfBundledCorpus();
    await writeFile(join(dir, '002_broken.txt'), 'no header here\n\nbody\n');
    const error = await open(dir, { onBadFiles: 'fail' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as CorpusLoadError).errors.map(formatCorpusError)).toEqual([expect.stringMatching(/^002_broken\.txt:\d+: .+/)]);
  });

  it('reports a missing folder as a problem, not a crash', async () => {
    const error = await open(join(await copyOfBundledCorpus(), 'missing')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusLoadError);
    expect((error as CorpusLoadError).errors[0]?.reason).toMatch(/cannot open the corpus folder/);
  });
});

describe('LibraryStore.open with a bad file: the bot still starts', () => {
  it('serves the last good library from the cache, and keeps each file:line: reason', async () => {
    const dir = await copyOfBundledCorpus();
    await open(dir); // writes the cache of the good folder
    await writeFile(join(dir, '002_new_article.txt'), articleText('2024-03', 'Ngày 14/3, hai bên đã hội đàm về thanh long tại Hà Nội.'));
    await writeFile(join(dir, '003_broken.txt'), 'date 2025-13\n\nBài hỏng.\n');
    const store = await open(dir);
    expect(store.lastLoad).toMatchObject({ served: 'last-good-cache', fromCache: true });
    expect(store.lastLoad?.problems.map(formatCorpusError)).toEqual([expect.stringMatching(/^003_broken\.txt:1: .*2025-13/)]);
    const served = store.current.corpus.articles.map((article) => article.id);
    expect(served).toHaveLength(2);
    expect(served).not.toContain('002_new_article');
    expect(answerQuestion(store.current, { command: 'ask', question: 'Stoltenberg' }).items.length).toBeGreaterThan(0);
  });

  it('without a cache, serves every valid article (and does not cache that partial library)', async () => {
    const dir = await copyOfBundledCorpus();
    await writeFile(join(dir, '002_new_article.txt'), articleText('2024-03', 'Ngày 14/3, hai bên đã hội đàm về thanh long tại Hà Nội.'));
    await writeFile(join(dir, '003_broken.txt'), 'date 2024-11-05 Photo : VNA Ngày 5/11, tại Seoul, hai bên đã hội đàm.\n\nĐoạn hai.\n');
    const store = await open(dir);
    expect(store.lastLoad).toMatchObject({ served: 'valid-articles', fromCache: false });
    expect(store.current.corpus.articles.map((article) => article.id)).toContain('002_new_article');
    expect(store.notLoaded().problems.map(formatCorpusError)).toEqual([expect.stringMatching(/^003_broken\.txt:1: the photo credit/)]);
    // At most the corpus key's manifest of the files' hashes: no library.
    expect(await readdir(join(dir, '.index-cache')).catch(() => [])).not.toContain('library.bin');
  });
});

describe('the library builder’s environment', () => {
  it('gives the builder only allowlisted variables: no token, no database URL with a password', () => {
    const env = builderEnvironment({
      PATH: '/usr/bin',
      LANG: 'vi_VN.UTF-8',
      LC_ALL: 'C',
      DISCORD_TOKEN: 'x',
      DATABASE_URL: 'postgres://u:pw@h/db',
      AWS_SESSION: 'y',
    });
    expect(env).toEqual({ PATH: '/usr/bin', LANG: 'vi_VN.UTF-8', LC_ALL: 'C' });
  });
});
