// Measures what issue 15 is about, apart from the full bench: the cache file's size, the time to open a
// library from an up-to-date cache, the process's resident memory after that, and which structures hold
// the heap (each one is dropped in turn and the heap measured again after a full collection).
//
//   node --expose-gc --import tsx scripts/bench/measureOpen.ts --paragraphs 1000000 --dir /tmp/citebot-1m
//
// The synthetic corpus is written to --dir once and its cache built there once (in a child process, so
// the build's garbage does not count); every later run only opens it. `--any-key` opens the cache even
// when the code changed since it was written (for comparing the open of one format across edits).

import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readFlagsOrExit } from '../../src/commandLineFlags.ts';
import { writeSyntheticCorpus } from './syntheticCorpus.ts';
import { ItemArray } from '../../src/library/itemTable.ts';
import { ParagraphArray } from '../../src/corpus/paragraphArray.ts';
import { ArrayByIndex } from '../../src/text/listByIndex.ts';

const SEED_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
const mb = (bytes: number) => Math.round(bytes / 1048576);
const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.();
  return mb(process.memoryUsage().heapUsed);
}

async function main(): Promise<void> {
  const { values } = readFlagsOrExit(
    {
      args: process.argv.slice(2),
      options: {
        paragraphs: { type: 'string', default: '100000' },
        dir: { type: 'string' },
        phase: { type: 'string', default: 'all' },
        'any-key': { type: 'boolean', default: false },
      },
    },
    'usage: measureOpen.ts --paragraphs N --dir DIR [--phase all|build|open] [--any-key]',
  );
  const dir = values.dir ?? `/tmp/citebot-open-${values.paragraphs}`;
  if (values.phase === 'all' || values.phase === 'build') {
    if (!existsSync(`${dir}/glossary.json`)) {
      const started = performance.now();
      const written = await writeSyntheticCorpus(SEED_CORPUS_DIR, dir, { paragraphs: Number(values.paragraphs), seed: 20250624 });
      process.stderr.write(
        `generated ${written.articles} articles, ${written.paragraphs} paragraphs in ${Math.round(performance.now() - started)} ms\n`,
      );
    }
    const { buildEncodedLibrary } = await import('../../src/library/buildLibraryWorker.ts');
    const started = performance.now();
    const built = await buildEncodedLibrary({ corpusDir: dir });
    if (!built.ok) throw new Error('build failed');
    process.stderr.write(`built (fromCache ${built.fromCache}) in ${Math.round(performance.now() - started)} ms\n`);
    if (values.phase === 'build') return;
    // Open in a fresh process: the resident memory must be the bot's, not the builder's.
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--dir', dir, '--phase', 'open'],
      { stdio: 'inherit' },
    );
    process.exitCode = child.status ?? 1;
    return;
  }
  await measureOpen(dir, values['any-key']);
}

async function measureOpen(dir: string, anyKey: boolean): Promise<void> {
  const { cachePath, readCacheEnvelope } = await import('../../src/library/cacheFile.ts');
  const { corpusKey } = await import('../../src/library/cacheKey.ts');
  const { decodeLibrary } = await import('../../src/library/decodeLibrary.ts');
  const { prepareLookups } = await import('../../src/library/lookups/prepareLookups.ts');
  const cacheBytes = (await stat(cachePath(dir))).size;
  const heapBefore = heapMb();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  // Hashed even with --any-key, so that the open's time always includes it, as the bot's does.
  const key = await corpusKey(dir);
  const keyed = performance.now();
  const envelope = await readCacheEnvelope(dir, key, { anyKey });
  if (!envelope.ok) throw new Error(`cache not usable: ${envelope.reason}`);
  const read = performance.now();
  // The sections are read from the file as they are decoded: nothing of the file is held after this.
  const library = await decodeLibrary(envelope.encoded);
  const decoded = performance.now();
  await prepareLookups(library);
  const ready = performance.now();
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  // No collection is forced before this: the resident memory a started bot has.
  const rss = mb(process.memoryUsage().rss);
  const heap = heapMb();
  const memory = process.memoryUsage();
  const result: Record<string, unknown> = {
    paragraphs: library.paragraphCount,
    articles: library.corpus.articles.length,
    cacheMb: mb(cacheBytes),
    openMs: Math.round(ready - started),
    openCpuMs: cpuMs,
    keyMs: Math.round(keyed - started),
    readMs: Math.round(read - keyed),
    decodeMs: Math.round(decoded - read),
    lookupsMs: Math.round(ready - decoded),
    rssAfterOpenMb: rss,
    rssAfterGcMb: mb(memory.rss),
    heapMb: heap - heapBefore,
    externalMb: mb(memory.external),
    arrayBuffersMb: mb(memory.arrayBuffers),
    counts: {
      meetings: library.meetings.length + library.plannedMeetings.length,
      agreements: library.agreements.length + library.plannedAgreements.length,
      people: library.people.length,
    },
  };
  // The bot then warms its engines before it logs in (src/answers/warmUp.ts): part of its start,
  // measured after the memory figures so its garbage does not count in them.
  const { warmUpEngines } = await import('../../src/answers/warmUp.ts');
  result.warmUp = warmUpEngines(library);
  // What each structure holds: drop it, collect, and see how much heap it freed.
  const freed: Record<string, number> = {};
  const drop = (name: string, action: () => void) => {
    const before = heapMb();
    action();
    freed[name] = before - heapMb();
  };
  drop('index', () => {
    (library as { index: unknown }).index = undefined;
  });
  drop('meetings+agreements', () => {
    library.meetings = library.plannedMeetings = new ItemArray([]);
    library.agreements = library.plannedAgreements = new ItemArray([]);
  });
  drop('people', () => {
    library.people = new ArrayByIndex([]);
  });
  drop('paragraphs+sentences', () => {
    for (const article of library.corpus.articles) article.paragraphs = new ParagraphArray([]);
  });
  drop('articles (bodies, meta)', () => {
    library.corpus.articles = [];
    library.articlesById = new Map();
  });
  result.heapFreedMb = freed;
  result.rssAfterDropsMb = mb(process.memoryUsage().rss);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
