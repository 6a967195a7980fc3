// The reference engines of one size (FlexSearch, and MiniSearch up to MINISEARCH_UP_TO paragraphs) in a
// process of their own, forked by runSize.ts. Their indexes are built while runSize builds our library:
// two builds at once on two cores (at 1M paragraphs FlexSearch's build alone took 4.5 of the run's 21.5
// minutes). Their queries are timed only when runSize asks, while it waits: a timed query never shares
// the machine with a build. And their heaps never count in the bot's memory figures.
//
// Messages: → `{ type: 'built' }` once every index is built; ← `{ type: 'measure' }`; then one
// `{ type: 'engine' }` per engine and `{ type: 'skip' }` for what could not run, and the process exits.

import MiniSearch from 'minisearch';
import { Encoder, Index } from 'flexsearch';
import type { EngineResult } from './benchResult.ts';
import { measureKind, round } from './latencyStats.ts';
import { ASK_QUERIES, type AskQuery, RESULT_LIMIT } from './queries.ts';
import { foldVietnamese, naiveParagraphs } from './baselineText.ts';
import { errorText, heapAfterGcMb } from './childReport.ts';

/**
 * MiniSearch with its defaults is measured up to this many paragraphs: at 100k its searches already
 * take 60-130 ms at the median, and at 1M its build alone took minutes and gigabytes of heap, in a run
 * that must fit in 20 minutes. FlexSearch, the faster reference, is measured at every size.
 */
const MINISEARCH_UP_TO = 300_000;

export type BaselineMessage =
  { type: 'built' } | { type: 'engine'; name: string; result: EngineResult } | { type: 'skip'; message: string };

interface BuiltEngine {
  name: string;
  config: string;
  buildMs: number;
  heapMb: number;
  search: (query: AskQuery) => number;
}

function send(message: BaselineMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, undefined, {}, () => resolve()) : resolve()));
}

/** The paragraphs our library indexes (the core's loader), or the files' lines when it cannot load them. */
async function paragraphsOf(dir: string): Promise<string[]> {
  try {
    const { loadCorpus } = await import('../../src/corpus/loadCorpus.ts');
    const loaded = await loadCorpus(dir);
    if (loaded.ok) return loaded.corpus.articles.flatMap((article) => Array.from(article.paragraphs, (paragraph) => paragraph.text));
    await send({ type: 'skip', message: 'baselines: the corpus did not load; they index the files’ lines instead' });
  } catch (error) {
    await send({ type: 'skip', message: `baselines: loadCorpus: ${errorText(error)}; they index the files’ lines instead` });
  }
  return (await naiveParagraphs(dir)).map((paragraph) => paragraph.text);
}

function build(name: string, config: string, make: () => (query: AskQuery) => number): BuiltEngine {
  const heapBefore = heapAfterGcMb();
  const started = performance.now();
  const search = make();
  const buildMs = round(performance.now() - started, 1);
  return { name, config, buildMs, heapMb: round(heapAfterGcMb() - heapBefore, 1), search };
}

async function main(): Promise<void> {
  const [dir = '', queriesText = '500', budgetText = '10'] = process.argv.slice(2);
  const queriesPerKind = Number(queriesText);
  const budgetMs = Number(budgetText) * 1000;
  // runSize.ts stopped or killed: nothing is left to report to.
  process.on('disconnect', () => process.exit(1));
  const measure = new Promise<void>((resolve) =>
    process.on('message', (message: { type?: string }) => {
      if (message.type === 'measure') resolve();
    }),
  );

  let texts = await paragraphsOf(dir);
  const built: BuiltEngine[] = [];
  if (texts.length === 0) await send({ type: 'skip', message: 'baselines: no paragraphs' });
  else if (texts.length > MINISEARCH_UP_TO) {
    await send({ type: 'skip', message: `minisearch: not measured above ${MINISEARCH_UP_TO} paragraphs (see MINISEARCH_UP_TO)` });
  } else {
    try {
      built.push(
        build('minisearch', 'MiniSearch defaults: field "text", default tokenizer, no folding, no fuzzy/prefix', () => {
          const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
          mini.addAll(texts.map((text, id) => ({ id, text })));
          return (query) => mini.search(query.question).slice(0, RESULT_LIMIT).length;
        }),
      );
    } catch (error) {
      await send({ type: 'skip', message: `minisearch: ${errorText(error)}` });
    }
  }
  if (texts.length > 0) {
    try {
      built.push(
        build('flexsearch', `FlexSearch Index: tokenize "forward", encoder folding diacritics, suggest, limit ${RESULT_LIMIT}`, () => {
          const flex = new Index({ tokenize: 'forward', encoder: new Encoder({ normalize: foldVietnamese }) });
          texts.forEach((text, id) => flex.add(id, text));
          return (query) => flex.search(query.question, { limit: RESULT_LIMIT, suggest: true }).length;
        }),
      );
    } catch (error) {
      await send({ type: 'skip', message: `flexsearch: ${errorText(error)}` });
    }
  }
  texts = [];

  await send({ type: 'built' });
  await measure;
  for (const engine of built) {
    try {
      const search = measureKind(ASK_QUERIES, queriesPerKind, budgetMs, engine.search);
      await send({
        type: 'engine',
        name: engine.name,
        result: { buildMs: engine.buildMs, heapMb: engine.heapMb, search, config: engine.config },
      });
    } catch (error) {
      await send({ type: 'skip', message: `${engine.name}: ${errorText(error)}` });
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
