// Measures one corpus size, in a child process of scripts/bench.ts so that every size starts cold with a
// fresh heap, and a size that runs out of memory or time cannot take the others down. It reports each
// number to the parent as soon as it has it (so a stopped run still shows what it reached).
//
// Run by bench.ts as: runSize.ts <label> <paragraphs> <queriesPerKind> <seed> <budgetSeconds> [--keep] [--breakdown]

import { cpus, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { readFlagsOrExit } from '../../src/commandLineFlags.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import type { Library } from '../../src/library/library.ts';
import type { Answer } from '../../src/answers/answer.ts';
import type { Question } from '../../src/answers/question.ts';
import type { PassageIndex } from '../../src/search/types.ts';
import type { BenchEnvironment, QueryKindResult } from './benchResult.ts';
import { measureKind, round } from './latencyStats.ts';
import {
  AGREEMENTS_QUERIES,
  ASK_QUERIES,
  AUTOCOMPLETE_INPUTS,
  RESULT_LIMIT,
  WHO_MET_QUERIES,
  type AskQuery,
  type AutocompleteKind,
} from './queries.ts';
import { writeSyntheticCorpus } from './syntheticCorpus.ts';
import { reloadInFreshProcess } from './reloadInFreshProcess.ts';
import { errorText, flushMessages, heapAfterGcMb, progress, send, set, setIn } from './childReport.ts';
import { startBuilderLauncher } from '../../src/library/builderLauncher.ts';
import { builderEnvironment } from '../../src/library/buildLibraryProcess.ts';
import { openInFreshProcess } from './openInFreshProcess.ts';
import { LibraryStore } from '../../src/library/libraryStore.ts';
import { writeLibraryCache } from '../../src/library/cacheFile.ts';
import { corpusKey } from '../../src/library/cacheKey.ts';
import { encodeLibrary } from '../../src/library/encodeLibrary.ts';
import { type Baselines, startBaselines } from './startBaselines.ts';

const SEED_CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));
/** Up to this many paragraphs, the search index is also built on its own (cheap there, slow at 100k). */
const BREAKDOWN_UP_TO = 20_000;

async function main(): Promise<void> {
  const { values, positionals } = readFlagsOrExit(
    {
      args: process.argv.slice(2),
      options: { keep: { type: 'boolean', default: false }, breakdown: { type: 'boolean', default: false } },
      allowPositionals: true,
    },
    'usage: runSize.ts <label> <paragraphs> <queriesPerKind> <seed> <budgetSeconds> [--keep] [--breakdown]',
  );
  const [label = '1k', paragraphsText = '1000', queriesText = '1000', seedText = '20250624', budgetText = '10'] = positionals;
  const { keep, breakdown } = values;
  const budgetMs = Number(budgetText) * 1000;
  const targetParagraphs = Number(paragraphsText);
  const queriesPerKind = Number(queriesText);
  const seed = Number(seedText);
  const skip = (message: string) => {
    progress(label, `skipped: ${message}`);
    send({ type: 'skip', message });
  };
  const stage = (name: string) => {
    progress(label, `${name}…`);
    send({ type: 'stage', stage: name });
  };

  const environment: Omit<BenchEnvironment, 'queriesPerKind' | 'seed' | 'startedAt'> = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    gcExposed: gc !== undefined,
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1048576),
  };
  send({ type: 'environment', environment });
  // As the bot does at start, while this process is small: the reload's builder is started from it.
  startBuilderLauncher(builderEnvironment());

  // 1. A synthetic corpus on disk, as moderators would drop files in a folder.
  stage('generating corpus');
  const dir = await mkdtemp(join(tmpdir(), `citebot-bench-${label}-`));
  send({ type: 'tempDir', dir });
  try {
    const generateStarted = performance.now();
    const written = await writeSyntheticCorpus(SEED_CORPUS_DIR, dir, { paragraphs: targetParagraphs, seed });
    set('corpus', {
      articles: written.articles,
      paragraphs: written.paragraphs,
      bytes: written.bytes,
      generateMs: round(performance.now() - generateStarted, 1),
    });
    // 3. The reference engines over the same paragraphs, in a process of their own (see baselineEngines.ts):
    // built while our library builds, their queries timed while this process waits.
    const baselines = startBaselines(
      dir,
      { queriesPerKind, budgetSeconds: budgetMs / 1000 },
      { engine: (name, result) => setIn('engines', name, result), skip },
    );
    const measured = await measureCorpus(dir, { queriesPerKind, budgetMs, breakdown, baselines }, stage, skip);
    if (measured) {
      // In a process that opens the cache as the bot starts: its heap and resident memory are the bot's.
      stage('reload under load (fresh process)');
      try {
        set('reload', await reloadInFreshProcess(dir, measured.expectedMs));
      } catch (error) {
        skip(`reload: ${errorText(error)}`);
      }
      // The reload's builder left the library in the cache: open it as the bot starts, in a fresh process.
      stage('open from the cache (fresh process)');
      try {
        set('open', await openInFreshProcess(dir));
      } catch (error) {
        skip(`open from the cache: ${errorText(error)}`);
      }
    }
  } finally {
    if (keep) progress(label, `kept the synthetic corpus in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
  await flushMessages();
}

/**
 * Writes the built library to the folder's cache and opens it as the bot starts (`LibraryStore.open`).
 * The reload's own process opens the same cache (see reloadInFreshProcess.ts).
 */
async function servedAsTheBotDoes(dir: string, built: Library): Promise<LibraryStore> {
  const written = await writeLibraryCache(dir, encodeLibrary(built, await corpusKey(dir)));
  if (!written.ok) throw new Error(written.warning);
  const store = await LibraryStore.open(dir);
  if (!store.lastLoad?.fromCache) throw new Error('the library was not opened from the cache');
  return store;
}

interface MeasureOptions {
  queriesPerKind: number;
  /** Time allowed to each query kind's timed calls. */
  budgetMs: number;
  /** Also build the search index alone on large corpora (a second build). */
  breakdown: boolean;
  baselines: Baselines;
}

async function measureCorpus(
  dir: string,
  { queriesPerKind, budgetMs, breakdown, baselines }: MeasureOptions,
  stage: (name: string) => void,
  skip: (message: string) => void,
): Promise<{ expectedMs: number } | undefined> {
  const heapBeforeMb = heapAfterGcMb();

  // 2. Read, validate and segment (cold: the first time this process runs the loader).
  stage('loading corpus (cold)');
  let corpus: Corpus | undefined;
  let loadCorpusMs: number | undefined;
  try {
    const { loadCorpus } = await import('../../src/corpus/loadCorpus.ts');
    const loadStarted = performance.now();
    // Through a function of its own: a load result held in this function's frame would keep the
    // corpus alive after it is let go (below).
    corpus = await (async () => {
      const loaded = await loadCorpus(dir);
      if (!loaded.ok)
        throw new Error(
          `the synthetic corpus did not load: ${loaded.errors
            .slice(0, 3)
            .map((error) => `${error.file}:${error.line}: ${error.reason}`)
            .join('; ')}`,
        );
      return loaded.corpus;
    })();
    loadCorpusMs = round(performance.now() - loadStarted, 1);
    const years = corpus.articles.map((article) => article.date.year);
    set('load', {
      loadCorpusMs,
      articles: corpus.articles.length,
      paragraphs: corpus.articles.reduce((sum, article) => sum + article.paragraphs.length, 0),
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      heapCorpusMb: round(heapAfterGcMb() - heapBeforeMb, 1),
    });
  } catch (error) {
    skip(`loadCorpus: ${errorText(error)}`);
  }

  if (!corpus) {
    skip('our engine: needs loadCorpus');
    await baselines.measure();
    return undefined;
  }

  // 4. Our library, cold (the baselines build theirs meanwhile): the search index plus meetings, agreements and people extracted once.
  stage('building library (cold)');
  let library: Library | undefined;
  let answerQuestion: ((library: Library, question: Question) => Answer) | undefined;
  let buildLibraryMs = 0;
  try {
    const { buildLibrary } = await import('../../src/library/buildLibrary.ts');
    ({ answerQuestion } = await import('../../src/answers/answerQuestion.ts'));
    const heapCorpusMb = heapAfterGcMb();
    const buildStarted = performance.now();
    library = buildLibrary(corpus);
    buildLibraryMs = round(performance.now() - buildStarted, 1);
    const heapUsedMb = heapAfterGcMb();
    set('library', {
      buildLibraryMs,
      heapLibraryMb: round(heapUsedMb - heapCorpusMb, 1),
      heapUsedMb,
      meetings: library.meetings.length,
      agreements: library.agreements.length,
      people: library.people.length,
    });
  } catch (error) {
    skip(`buildLibrary/answerQuestion: ${errorText(error)}`);
  }

  // The baselines' queries, timed now that our build is done, while this process waits.
  stage('baselines: FlexSearch and MiniSearch (their own process)');
  await baselines.measure();

  // 5. Our search index against the baselines. Building it alone too (to compare build time and heap)
  // is a second build, so corpora over BREAKDOWN_UP_TO paragraphs do it only on request (--breakdown)
  // or when the library could not be built.
  const paragraphCount = corpus.articles.reduce((sum, article) => sum + article.paragraphs.length, 0);
  if (library && !breakdown && paragraphCount > BREAKDOWN_UP_TO) {
    const search = measureSearch(library.index);
    setIn('engines', 'citebot', {
      search,
      config: `library.index.search (built within the library), limit ${RESULT_LIMIT}, year filter applied`,
    });
  } else {
    await buildSearchIndexAlone(corpus, library ? 'building search index alone (warm)' : 'building search index (cold)');
  }

  if (!library || !answerQuestion) return undefined;
  const answer = answerQuestion;

  // 5b. The library as the bot serves it. The bot opens its library from the cache (or builds it in a
  // child process and reads that back), so it holds the cache's compact form: items kept as bytes and
  // made when read, paragraphs cut from the bodies when asked. The cold build above holds every item,
  // paragraph and sentence as an object. Commands, replies, autocomplete and the reload are measured on
  // the library the bot holds: the built one is written to the cache, let go, and the cache opened.
  stage('opening the library as the bot does (from the cache)');
  let store: LibraryStore;
  try {
    store = await servedAsTheBotDoes(dir, library);
  } catch (error) {
    skip(`opening from the cache: ${errorText(error)}`);
    return undefined;
  }
  // Let the cold-built objects go before anything is measured on the served library: an async
  // function's locals may be kept across its awaits whether or not they are read again.
  // eslint-disable-next-line no-useless-assignment
  library = undefined;
  // eslint-disable-next-line no-useless-assignment
  corpus = undefined;
  const ready = store.current;
  set('served', { openMs: round(store.lastLoad?.tookMs ?? 0, 1), heapUsedMb: heapAfterGcMb() });

  // 6. Every command as a member runs it (the full Answer, quotes and highlights included).
  stage('commands');
  const ask = (question: Question) => answer(ready, question).items.length;
  measureCommand('/ask', ASK_QUERIES, (query: AskQuery) => ask({ command: 'ask', ...query }));
  measureCommand('/who-met', WHO_MET_QUERIES, (query) => ask({ command: 'who-met', ...query }));
  measureCommand('/agreements', AGREEMENTS_QUERIES, (query) => ask({ command: 'agreements', ...query }));

  // 6b. Whole replies as Discord gets them (the answer and its rendered page), where the answer is the
  // whole library: /sources, /who-met and /agreements without filters, and page presses deep into them.
  // Then a burst: 50 members' commands arriving at once are answered one after another on the one
  // event loop, so the last member waits for all 50; that wait must stay far below Discord's 3 s.
  stage('replies and a burst of 50');
  try {
    const { renderAnswer } = await import('../../src/discord/renderAnswer.ts');
    const reply = (question: Question, page = 0) => {
      const rendered = renderAnswer(answer(ready, question), { locale: 'vi', askerId: '100000000000000001', page });
      return rendered.payload.embeds.length;
    };
    const unfiltered: Question[] = [{ command: 'sources' }, { command: 'who-met' }, { command: 'agreements' }];
    measureCommand('reply /sources', [0], () => reply({ command: 'sources' }));
    measureCommand('reply /who-met (no filter)', [0], () => reply({ command: 'who-met' }));
    measureCommand('reply /agreements (no filter)', [0], () => reply({ command: 'agreements' }));
    measureCommand(
      'page press (pages 2, 50, last)',
      unfiltered.flatMap((question) => [1, 49, 1e9].map((page) => ({ question, page }))),
      ({ question, page }) => reply(question, page),
    );
    const burst: Question[] = Array.from({ length: 50 }, (_, member) =>
      member % 5 === 4
        ? { command: 'ask', question: ASK_QUERIES[member % ASK_QUERIES.length]!.question }
        : unfiltered[member % unfiltered.length]!,
    );
    measureCommand('burst: 50 members at once (last one’s wait)', [0], () =>
      burst.reduce((sum, question, member) => sum + reply(question, member % 7), 0),
    );
  } catch (error) {
    skip(`replies: ${errorText(error)}`);
  }

  stage('autocomplete');
  try {
    const autocomplete = await import('../../src/answers/autocomplete.ts');
    const complete: Record<AutocompleteKind, (library: Library, typed: string) => unknown[]> = {
      person: autocomplete.completePerson,
      year: autocomplete.completeYear,
      topic: autocomplete.completeTopic,
      question: autocomplete.completeQuestion,
      citeId: autocomplete.completeCiteId,
    };
    for (const kind of Object.keys(complete) as AutocompleteKind[]) {
      measureCommand(`autocomplete ${kind}`, AUTOCOMPLETE_INPUTS[kind], (typed) => complete[kind](ready, typed).length);
    }
  } catch (error) {
    skip(`autocomplete: ${errorText(error)}`);
  }

  // 7. The reload runs in a process of its own, paced by how long the cold build took.
  return { expectedMs: (loadCorpusMs ?? 0) + buildLibraryMs };

  async function buildSearchIndexAlone(loaded: Corpus, stageName: string): Promise<void> {
    stage(stageName);
    try {
      const { buildPassageIndex } = await import('../../src/search/passageIndex.ts');
      const heapBefore = heapAfterGcMb();
      const started = performance.now();
      const alone = buildPassageIndex(loaded.articles, loaded.glossary);
      const buildMs = round(performance.now() - started, 1);
      const heapMb = round(heapAfterGcMb() - heapBefore, 1);
      const search = measureSearch(alone);
      setIn('engines', 'citebot', {
        buildMs,
        heapMb,
        search,
        config: `passageIndex.search (built alone), limit ${RESULT_LIMIT}, year filter applied`,
      });
    } catch (error) {
      skip(`buildPassageIndex: ${errorText(error)}`);
    }
  }

  function measureSearch(searchIndex: PassageIndex): QueryKindResult {
    return measureKind(
      ASK_QUERIES,
      queriesPerKind,
      budgetMs,
      (query) => searchIndex.search(query.question, query.year === undefined ? {} : { year: query.year }, RESULT_LIMIT).hits.length,
    );
  }

  function measureCommand<Input>(name: string, inputs: readonly Input[], run: (input: Input) => number): void {
    try {
      setIn('commands', name, measureKind(inputs, queriesPerKind, budgetMs, run));
    } catch (error) {
      skip(`${name}: ${errorText(error)}`);
    }
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    await flushMessages();
    process.exit(1);
  },
);
