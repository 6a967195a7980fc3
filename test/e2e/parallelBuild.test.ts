// The library built on two threads (extraction in a worker, the index here: parallelBuild.ts) is the
// library built on one: the cache's sections, byte for byte. And a worker that fails fails the build or
// gives way to this thread, never leaving it waiting.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/bench/syntheticCorpus.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { buildLibrary } from '../../src/library/buildLibrary.ts';
import { BuilderDidNotStart, BuilderFailed } from '../../src/library/builderWatch.ts';
import { encodeLibrary } from '../../src/library/encodeLibrary.ts';
import { extractArticle } from '../../src/library/extractArticle.ts';
import { startExtraction } from '../../src/library/extractionWorker.ts';
import type { Library } from '../../src/library/library.ts';
import { buildLibraryInParallel } from '../../src/library/parallelBuild.ts';
import { BUNDLED_CORPUS } from '../library/corpusCopy.ts';
import { everyItem } from '../../src/text/listByIndex.ts';

let dir: string;
let corpus: Corpus;
let oneThread: Library;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-parallel-'));
  await writeSyntheticCorpus(BUNDLED_CORPUS, join(dir, 'corpus'), { paragraphs: 2_000, seed: 7 });
  const loaded = await loadCorpus(join(dir, 'corpus'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
  corpus = loaded.corpus;
  oneThread = buildLibrary(corpus);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the cache file would hold: every section's length and sha256, in order. */
function cacheHeader(library: Library) {
  return encodeLibrary(library, 'key').header;
}

describe('building the library on two threads', () => {
  it('makes the same cache bytes as one thread, over many chunks', async () => {
    // Small chunks: articles cross in dozens of messages, whose results must be put back in order.
    const twoThreads = await buildLibraryInParallel(corpus, { minParagraphs: 0, start: (of) => startExtraction(of.articles, 16) });
    expect(oneThread.meetings.length + oneThread.agreements.length).toBeGreaterThan(50);
    expect(twoThreads.meetings).toEqual(oneThread.meetings);
    expect(everyItem(twoThreads.people)).toEqual(everyItem(oneThread.people));
    expect(cacheHeader(twoThreads)).toEqual(cacheHeader(oneThread));
  });

  it('builds in this thread alone below the threshold', async () => {
    let started = false;
    const start = (of: Corpus) => ((started = true), startExtraction(of.articles));
    const library = await buildLibraryInParallel(corpus, { minParagraphs: 1_000_000, start });
    expect(started).toBe(false);
    expect(cacheHeader(library)).toEqual(cacheHeader(oneThread));
  });

  it('extracts in this thread when no worker can start', async () => {
    const cannotStart = () => {
      throw new Error('no threads here');
    };
    const neverOnline = () => ({ results: Promise.reject(new BuilderDidNotStart('never came online')), stop: () => undefined });
    for (const start of [cannotStart, neverOnline]) {
      const library = await buildLibraryInParallel(corpus, { minParagraphs: 0, start });
      expect(cacheHeader(library)).toEqual(cacheHeader(oneThread));
    }
  });

  it('fails the build when the worker fails mid-way, without hanging', async () => {
    // An article the worker cannot read (no body) makes it throw on the chunk that holds it.
    const broken = (of: Corpus) =>
      startExtraction(
        of.articles.map((article, position) => (position === 40 ? { ...article, body: undefined as unknown as string } : article)),
        16,
      );
    await expect(buildLibraryInParallel(corpus, { minParagraphs: 0, start: broken })).rejects.toBeInstanceOf(BuilderFailed);
  });

  it('starts the worker from the compiled modules, without tsx', async () => {
    // support/buildOnce.ts built dist/. Asked directly, the worker cannot quietly give way to this thread.
    const compiled = (module: string) => JSON.stringify(pathToFileURL(resolve('dist/src', module)).href);
    const script = `
      const { loadCorpus } = await import(${compiled('corpus/loadCorpus.js')});
      const { startExtraction } = await import(${compiled('library/extractionWorker.js')});
      const loaded = await loadCorpus(${JSON.stringify(join(dir, 'corpus'))});
      const extractions = await startExtraction(loaded.corpus.articles, 64).results;
      console.log(JSON.stringify(extractions.map((extraction) => extraction.meetings.length)));
    `;
    // A file, not `-e`: the worker inherits the process's flags, and `--input-type` is not one for it.
    const scriptFile = join(dir, 'extract.mjs');
    await writeFile(scriptFile, script);
    const output = await new Promise<string>((done, fail) =>
      execFile(process.execPath, [scriptFile], { timeout: 60_000 }, (error, stdout, stderr) =>
        error ? fail(new Error(stderr || error.message)) : done(stdout),
      ),
    );
    expect(JSON.parse(output)).toEqual(corpus.articles.map((article) => extractArticle(article).meetings.length));
  });
});
