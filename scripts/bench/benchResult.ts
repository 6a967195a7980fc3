// What one corpus size's run measures, as the child process reports it and the table/JSON shows it.
// Every part is optional: a run that times out or cannot import a piece still reports what it reached.
import type { LatencyStats } from './latencyStats.ts';
import type { Block } from './longestBlocks.ts';

export interface QueryKindResult extends LatencyStats {
  /** Distinct queries in the set, and how many of them returned at least one item. */
  distinct: number;
  withResults: number;
  /** The very first call in this process (cold JIT, lazy caches), not part of the percentiles. */
  firstMs: number;
}

export interface EngineResult {
  /** Building this engine's index over the same paragraphs (absent when not built on its own). */
  buildMs?: number;
  /** Heap the index holds (after gc; 0 when gc is not exposed, see README). */
  heapMb?: number;
  search?: QueryKindResult;
  config: string;
}

export interface ReloadResult {
  status: string;
  reloadMs: number;
  /** Event-loop delay while the reload ran (ms): a Discord bot cannot answer or heartbeat during it. */
  eventLoopDelay: { max: number; p99: number; mean: number };
  /** /ask queries arriving every `arrivalEveryMs` during the reload; latency counts the wait for the loop. */
  arrivalEveryMs: number;
  queries?: LatencyStats;
  /**
   * The longest blocks over 25 ms (when after the start, how long, how much was garbage collection,
   * how much answering the queries sent meanwhile, how much the host paused the machine: `answeringMs`,
   * `stolenMs` and `ownMs` are absent from runs before they were kept).
   */
  longestBlocks?: Block[];
  /** The blocks in which the loop was held longest by the reload itself (a block less its answering and host pauses). */
  longestOwn?: Block[];
  heapAfterMb: number;
  /** Resident memory before the reload (after a full collection) and its highest while reloading, sampled every 20 ms. */
  rssBeforeMb?: number;
  rssPeakMb?: number;
}

/** Opening the library from its up-to-date cache in a fresh process, as the bot starts (measureOpen.ts). */
export interface OpenResult {
  cacheMb: number;
  openMs: number;
  /** CPU time of the open, all threads: on a shared machine, less noisy than the wall clock. */
  openCpuMs: number;
  /** Resident memory of the process right after the open, and after a full collection. */
  rssAfterOpenMb: number;
  rssAfterGcMb: number;
  heapMb: number;
  arrayBuffersMb: number;
  /** The warm-up the bot runs next, before it answers anyone (src/answers/warmUp.ts): part of its start. */
  warmUp?: { calls: number; tookMs: number; finished: boolean };
}

export interface SizeResult {
  label: string;
  targetParagraphs: number;
  /** The stage that was running last (tells where a timeout or crash happened). */
  stage?: string;
  corpus?: { articles: number; paragraphs: number; bytes: number; generateMs: number };
  load?: { loadCorpusMs: number; articles: number; paragraphs: number; firstYear: number; lastYear: number; heapCorpusMb: number };
  library?: {
    buildLibraryMs: number;
    heapLibraryMb: number;
    heapUsedMb: number;
    meetings: number;
    agreements: number;
    people: number;
  };
  /**
   * The library the commands and the reload are measured on: the built one written to the cache and
   * opened from it, as the bot holds it. `heapUsedMb` after a full collection, with nothing else held.
   */
  served?: { openMs: number; heapUsedMb: number };
  commands?: Record<string, QueryKindResult>;
  engines?: Record<string, EngineResult>;
  reload?: ReloadResult;
  open?: OpenResult;
  /** Parts that could not run, and why (a core module missing, an error thrown). */
  skipped?: string[];
  /** Set by the parent when the child process died or was stopped. */
  failure?: string;
}

export interface BenchEnvironment {
  node: string;
  cpus: number;
  cpuModel: string;
  gcExposed: boolean;
  heapLimitMb: number;
  queriesPerKind: number;
  seed: number;
  startedAt: string;
}

export interface BenchReport {
  environment: BenchEnvironment;
  sizes: SizeResult[];
}

/** Messages from the child process that runs one size. */
export type ChildMessage =
  | { type: 'environment'; environment: Omit<BenchEnvironment, 'queriesPerKind' | 'seed' | 'startedAt'> }
  | { type: 'stage'; stage: string }
  /** The synthetic corpus folder, so the parent can remove it if the child is stopped. */
  | { type: 'tempDir'; dir: string }
  | { type: 'set'; path: [keyof SizeResult] | [keyof SizeResult, string]; value: unknown }
  | { type: 'skip'; message: string };
