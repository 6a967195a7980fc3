// A measurement, not a test: start-up with and without the index cache, and how long a reload blocks
// the event loop, on a synthetic corpus (scripts/bench/syntheticCorpus.ts). Each step runs in a fresh
// process, as a real start would. `longestBlocks` lists the longest stalls with the garbage-collection
// time inside each (a `PerformanceObserver` on `gc`), to tell our own work from V8's pauses.
//
//   npx tsx scripts/measureReload.ts                 # 100k paragraphs in a temp folder
//   npx tsx scripts/measureReload.ts --paragraphs 10000 --dir /tmp/corpus-10k --keep
import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { trackBlocks } from './bench/longestBlocks.ts';
import { writeSyntheticCorpus } from './bench/syntheticCorpus.ts';
import { readFlagsOrExit } from '../src/commandLineFlags.ts';
import { LibraryStore } from '../src/library/libraryStore.ts';
import { answerQuestion } from '../src/answers/answerQuestion.ts';

const { values: flags } = readFlagsOrExit(
  {
    args: process.argv.slice(2),
    options: {
      paragraphs: { type: 'string', default: '100000' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-queries': { type: 'boolean', default: false },
      // Internal: the step a child process runs (see the loop at the end).
      step: { type: 'string' },
    },
  },
  'usage: npx tsx scripts/measureReload.ts [--paragraphs N] [--dir DIR] [--keep] [--no-queries]',
);
const heapMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};

const QUESTIONS = ['hợp tác quốc phòng', 'NATO', 'Stoltenberg', 'thượng đỉnh Hà Lan'];

async function step(name: string, dir: string): Promise<void> {
  const store = await LibraryStore.open(dir);
  const opened = { ...store.lastLoad, heapMb: heapMb(), paragraphs: store.current.paragraphCount };
  if (name === 'open') return void console.log(JSON.stringify({ step: name, ...opened }));

  if (name === 'reload-changed') {
    // Touch one article so the worker must rebuild everything (the cache no longer matches).
    const first = (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort()[0]!;
    await appendFile(join(dir, first), '\nMột đoạn mới được thêm để buộc xây dựng lại.\n');
  }
  // Warm the queries first: a command's first run (JIT) is not the reload's doing.
  for (let round = 0; round < 5; round++) for (const question of QUESTIONS) answerQuestion(store.current, { command: 'ask', question });
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const blocks = trackBlocks();
  let maxGapMs = 0;
  let last = performance.now();
  let answered = 0;
  let slowestAnswerMs = 0;
  const withQueries = !flags['no-queries'];
  const timer = setInterval(() => {
    const now = performance.now();
    maxGapMs = Math.max(maxGapMs, now - last);
    if (!withQueries) return void (last = now);
    // Commands keep running on whatever library is current (their own time counts in the delay).
    answerQuestion(store.current, { command: 'ask', question: QUESTIONS[answered++ % QUESTIONS.length]! });
    last = performance.now();
    blocks.answered({ start: now, end: last });
    slowestAnswerMs = Math.max(slowestAnswerMs, last - now);
  }, 5);
  histogram.enable();
  const result = await store.reload();
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  clearInterval(timer);
  const { longest: longestBlocks, longestOwn } = blocks.stop();
  const ms = (nanos: number) => Math.round(nanos / 1e5) / 10;
  console.log(
    JSON.stringify({
      step: name,
      openedFromCache: opened.fromCache,
      status: result.status,
      reload: store.lastLoad,
      eventLoopDelayMs: { max: ms(histogram.max), p99: ms(histogram.percentile(99)), mean: ms(histogram.mean) },
      maxTimerGapMs: Math.round(maxGapMs),
      // The five longest blocks over 25 ms, with how much of each was garbage collection.
      longestBlocks,
      longestOwn,
      answeredDuringReload: answered,
      slowestAnswerMs: Math.round(slowestAnswerMs),
      heapAfterReloadMb: heapMb(),
    }),
  );
}

if (flags.step) {
  if (!flags.dir) throw new Error('--step needs --dir');
  await step(flags.step, flags.dir);
} else {
  const paragraphs = Number(flags.paragraphs);
  const dir = flags.dir ?? (await mkdtemp(join(tmpdir(), 'citebot-measure-')));
  const written = await writeSyntheticCorpus(fileURLToPath(new URL('../corpus', import.meta.url)), dir, { paragraphs });
  await rm(join(dir, '.index-cache'), { recursive: true, force: true });
  console.log(JSON.stringify({ corpus: written }));
  const self = fileURLToPath(import.meta.url);
  // open (cold build) → open (cache) → reload of unchanged files (worker reads the cache) → reload after an edit (worker rebuilds).
  for (const name of ['open', 'open', 'reload-same', 'reload-changed']) {
    const passOn = flags['no-queries'] ? ['--no-queries'] : [];
    spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--step', name, '--dir', dir, ...passOn], { stdio: 'inherit' });
  }
  if (!flags.keep) await rm(dir, { recursive: true, force: true });
}
