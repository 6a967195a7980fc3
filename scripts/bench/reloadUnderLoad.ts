// The reload stage of a size (see runSize.ts): LibraryStore.reload() of the same folder while /ask
// queries keep arriving, measuring how long the event loop was blocked and what members waited.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Library } from '../../src/library/library.ts';
import type { Question } from '../../src/answers/question.ts';
import type { ReloadResult } from './benchResult.ts';
import { latencyStats, round } from './latencyStats.ts';
import { ASK_QUERIES } from './queries.ts';
import { trackBlocks } from './longestBlocks.ts';

/**
 * During a reload, queries arrive every 10 ms (a busy server, well above a real guild's rate), or
 * more slowly on a slow reload, so the backlog answered after it stays around RELOAD_QUERIES.
 */
const MIN_ARRIVAL_EVERY_MS = 10;
const RELOAD_QUERIES = 1_000;
/** How often resident memory is sampled during a reload, to find its peak. */
const RSS_SAMPLE_EVERY_MS = 20;
/** Queries that arrived during a reload and still wait when it ends are drained up to this many. */
const MAX_RELOAD_BACKLOG = 2_000;

/** What the reload stage needs; holding only the store lets the reload free the old library. */
export interface ReloadPlan {
  store: { reload(): Promise<{ status: string }>; readonly current: Library };
  answer: (library: Library, question: Question) => unknown;
  /** How long the cold load took, to pace the queries sent during the reload. */
  expectedMs: number;
}

/**
 * Reloads while /ask queries arrive on a fixed schedule. A query's latency runs from when it arrived to
 * when it was answered, so time spent waiting for a blocked event loop counts, as it would for a member.
 */
export async function reloadUnderLoad(
  { store, answer: answerQuestion, expectedMs }: ReloadPlan,
  heapAfterGcMb: () => number,
): Promise<ReloadResult> {
  // Resident memory at the steady state (after a full collection) and at the reload's peak, when the
  // old library and the new one are both held: issue 15 asks for at most 1.5 times the steady state.
  heapAfterGcMb();
  const rssBeforeMb = Math.round(process.memoryUsage.rss() / 1048576);
  // A full collection may drop compiled code that was not used lately: the queries run once more before
  // the clock starts (the first query's arrival), so that the blocks measured are the reload's.
  for (const query of ASK_QUERIES) answerQuestion(store.current, { command: 'ask', ...query });
  // About RELOAD_QUERIES arrivals over the expected reload, never more often than every 10 ms.
  const arrivalEveryMs = Math.max(MIN_ARRIVAL_EVERY_MS, Math.ceil(expectedMs / RELOAD_QUERIES));
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const latencies: number[] = [];
  let reloading = true;
  let arrived = 0;
  const started = performance.now();

  const arrivalOf = (query: number) => started + query * arrivalEveryMs;
  // Created before the first query is served: `serveOne` reports each answer's span to it.
  const blocks = trackBlocks();
  const serveOne = () => {
    const arrival = arrivalOf(arrived);
    const start = performance.now();
    answerQuestion(store.current, { command: 'ask', ...ASK_QUERIES[arrived % ASK_QUERIES.length]! });
    const end = performance.now();
    blocks.answered({ start, end });
    latencies.push(end - arrival);
    arrived++;
  };
  // One query per turn of the loop, as a server answers interactions: a backlog must not block the
  // loop in one piece, or the delay we measure would be our own.
  const tick = () => {
    if (!reloading) return;
    if (arrivalOf(arrived) <= performance.now()) serveOne();
    if (arrivalOf(arrived) <= performance.now()) setImmediate(tick);
    else setTimeout(tick, 1);
  };

  let rssPeak = 0;
  const rssSampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, RSS_SAMPLE_EVERY_MS);
  histogram.enable();
  setTimeout(tick, 0);
  const result = await store.reload();
  const reloadMs = performance.now() - started;
  // The histogram only sees a blocked loop when its timer fires after it: let it fire.
  await new Promise((resolve) => setTimeout(resolve, 20));
  reloading = false;
  clearInterval(rssSampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  histogram.disable();
  const { longest: longestBlocks, longestOwn } = blocks.stop();
  // Queries that arrived during the reload and still wait: answer them, in order.
  while (arrivalOf(arrived) <= started + reloadMs && latencies.length < MAX_RELOAD_BACKLOG) serveOne();

  const nanosToMs = (nanos: number) => round(nanos / 1e6, 1);
  return {
    status: result.status,
    reloadMs: round(reloadMs, 1),
    eventLoopDelay: { max: nanosToMs(histogram.max), p99: nanosToMs(histogram.percentile(99)), mean: nanosToMs(histogram.mean) },
    arrivalEveryMs,
    ...(latencies.length > 0 ? { queries: latencyStats(latencies) } : {}),
    longestBlocks,
    longestOwn,
    heapAfterMb: heapAfterGcMb(),
    rssBeforeMb,
    rssPeakMb: Math.round(rssPeak / 1048576),
  };
}
