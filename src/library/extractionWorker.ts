// The extraction worker: runs extractArticle over every article in a thread of its own, while the
// builder's thread builds the passage index (parallelBuild.ts). Articles go over in chunks, so the
// worker starts on the first while the rest are still on the way, and holds one chunk at a time;
// each chunk's extractions come back as one message, in the order the chunks were sent.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../corpus/types.ts';
import { type ArticlesOnTheWire, packArticles, unpackArticles } from './articlesOnTheWire.ts';
import { type ArticleExtraction, extractArticle } from './extractArticle.ts';
import { BuilderDidNotStart, BuilderFailed } from './builderWatch.ts';
import { lowerPriority } from './lowerPriority.ts';
import { runsFromSource } from './runsFromSource.ts';

const WORKER_KIND = 'citebot-extract-articles';

/** Articles per message: small enough to overlap sending with extracting, few enough that messages cost nothing. */
const CHUNK_ARTICLES = 500;

export interface RunningExtraction {
  /**
   * Every article's extraction, in article order. Rejects with BuilderDidNotStart when the thread never
   * came online (the caller may extract in its own thread), BuilderFailed when it failed or stopped first.
   */
  results: Promise<ArticleExtraction[]>;
  /** Stops the worker (e.g. the index failed and its work is no longer wanted). */
  stop(): void;
}

/**
 * Starts the worker on `articles` and sends them all. Throws when no worker thread can be started.
 * Like every builder thread (buildInWorker), it starts from tsWorker.mjs when running from the sources,
 * so that tsx is registered in it first, and from this very module when compiled.
 */
export function startExtraction(articles: readonly Article[], chunkArticles = CHUNK_ARTICLES): RunningExtraction {
  const chunks: (readonly Article[])[] = [];
  for (let start = 0; start < articles.length; start += chunkArticles) chunks.push(articles.slice(start, start + chunkArticles));
  const worker = new Worker(runsFromSource(import.meta.url) ? new URL('./tsWorker.mjs', import.meta.url) : new URL(import.meta.url), {
    workerData: { kind: WORKER_KIND, entry: import.meta.url, chunks: chunks.length },
  });
  const stop = () => void worker.terminate();
  const results = new Promise<ArticleExtraction[]>((resolve, reject) => {
    if (chunks.length === 0) {
      stop();
      resolve([]);
      return;
    }
    const received: ArticleExtraction[] = [];
    let chunksReceived = 0;
    let online = false;
    worker.once('online', () => (online = true));
    const fail = (reason: string) => {
      stop();
      const message = `the extraction worker ${reason}`;
      reject(online ? new BuilderFailed(message) : new BuilderDidNotStart(message));
    };
    worker.on('message', (extractions: ArticleExtraction[]) => {
      for (const extraction of extractions) received.push(extraction);
      if (++chunksReceived < chunks.length) return;
      stop();
      if (received.length === articles.length) resolve(received);
      else reject(new BuilderFailed(`the extraction worker returned ${received.length} extractions for ${articles.length} articles`));
    });
    worker.once('messageerror', (error) => fail(`sent what could not be read: ${error.message}`));
    worker.once('error', (error) => fail(`failed: ${error.message}`));
    // After the last chunk the promise is settled and this changes nothing; before it, the worker died.
    worker.once('exit', (code) => fail(`stopped before it was done (exit code ${code})`));
  });
  // The caller may fail before it awaits (the index build threw); the rejection is then no news.
  results.catch(() => undefined);
  try {
    for (const chunk of chunks) {
      const wire = packArticles(chunk);
      worker.postMessage(wire, [wire.spans.buffer as ArrayBuffer]);
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { results, stop };
}

if (!isMainThread && (workerData as { kind?: unknown } | null)?.kind === WORKER_KIND) {
  // Below the bot's priority like every builder, also when the thread that started it was not lowered
  // (a build in the bot's own thread, see chooseBuilder.ts).
  lowerPriority('thread');
  const { chunks } = workerData as { chunks: number };
  let done = 0;
  if (chunks === 0) parentPort!.close();
  parentPort!.on('message', (wire: ArticlesOnTheWire) => {
    parentPort!.postMessage(unpackArticles(wire).map(extractArticle));
    // Closing the port lets the thread end once its last message is on its way.
    if (++done === chunks) parentPort!.close();
  });
}
