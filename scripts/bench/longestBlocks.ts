// Finds the longest stretches during which the event loop could not run (a 1 ms timer that fired
// late), how much of each was garbage collection on this thread, how much was spent answering the
// queries the bench sends meanwhile, and how much the host did not run the machine at all, to tell the
// reload's own work from V8's pauses, from a slow answer (at 1M paragraphs one /ask alone can take
// 50 ms, reload or not) and from the host's (see hostSteal.ts).
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { mostStolenMs, stealPerCpuMs } from './hostSteal.ts';

export interface Block {
  /** When it started, in ms after tracking began. */
  atMs: number;
  ms: number;
  /** Garbage collection on this thread inside the block (ms). */
  gcMs: number;
  /** The kinds of collection in it, longest first (a young-generation `minor`, a full `major`, `incremental` marking steps). */
  gcKinds?: string[];
  /** Time inside the block spent answering queries (reported with `answered`), garbage collection in them included. */
  answeringMs: number;
  /**
   * How long the host did not run the CPU the most (steal, 10 ms ticks, at most the block): a pause
   * of the whole machine, not of the bot. Absent where the host's steal cannot be read.
   */
  stolenMs?: number;
  /** What is left for the reload itself: the block less its answering and its stolen time. */
  ownMs: number;
}

export interface Blocks {
  /** The longest blocks, longest first. */
  longest: Block[];
  /** The blocks in which the loop was held longest by the reload itself (`ownMs`), that first. */
  longestOwn: Block[];
}

interface Span {
  start: number;
  end: number;
}

export interface TrackOptions {
  /** Shorter stretches are not blocks. */
  longerThanMs?: number;
  /** Reads each CPU's steal so far in ms (tests stand a host in). */
  readSteal?: () => number[] | undefined;
}

export function trackBlocks({ longerThanMs = 25, readSteal = stealPerCpuMs }: TrackOptions = {}): {
  answered(span: Span): void;
  stop(most?: number): Blocks;
} {
  const started = performance.now();
  const collections: (Span & { kind: string })[] = [];
  const answering: Span[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      collections.push({
        start: entry.startTime,
        end: entry.startTime + entry.duration,
        kind: gcKindName((entry as { detail?: { kind?: number } }).detail?.kind),
      });
  });
  observer.observe({ entryTypes: ['gc'] });
  const gaps: (Span & { stolenMs?: number })[] = [];
  // Steal is read in the same timer as the gaps, so that the reading before a gap is always older than
  // it; every STEAL_READ_EVERY_MS (a read costs ~30 µs), and at once after each gap.
  let steal = readSteal();
  let stealReadAt = performance.now();
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > longerThanMs) {
      const after = steal && readSteal();
      gaps.push({ start: last, end: now, ...(steal && after ? { stolenMs: mostStolenMs(steal, after) } : {}) });
      steal = after;
      stealReadAt = now;
    } else if (steal && now - stealReadAt >= STEAL_READ_EVERY_MS) {
      steal = readSteal();
      stealReadAt = now;
    }
    last = now;
  }, 1);
  const overlap = (gap: Span, spans: Span[]) =>
    spans.reduce((sum, span) => sum + Math.max(0, Math.min(gap.end, span.end) - Math.max(gap.start, span.start)), 0);
  return {
    answered: (span) => void answering.push(span),
    stop(most = 5) {
      clearInterval(timer);
      observer.disconnect();
      const blocks = gaps.map((gap): Block => {
        const ms = Math.round(gap.end - gap.start);
        const answeringMs = Math.round(overlap(gap, answering));
        // A reading may start up to STEAL_READ_EVERY_MS before the gap: never count more than the gap.
        const stolenMs = gap.stolenMs === undefined ? undefined : Math.min(ms, gap.stolenMs);
        const kinds = collections
          .filter((collection) => collection.end > gap.start && collection.start < gap.end)
          .sort((a, b) => b.end - b.start - (a.end - a.start))
          .map((collection) => collection.kind);
        return {
          atMs: Math.round(gap.start - started),
          ms,
          gcMs: Math.round(overlap(gap, collections)),
          ...(kinds.length > 0 ? { gcKinds: [...new Set(kinds)] } : {}),
          answeringMs,
          ...(stolenMs === undefined ? {} : { stolenMs }),
          ownMs: Math.max(0, ms - answeringMs - (stolenMs ?? 0)),
        };
      });
      return {
        longest: [...blocks].sort((a, b) => b.ms - a.ms).slice(0, most),
        longestOwn: [...blocks].sort((a, b) => b.ownMs - a.ownMs).slice(0, most),
      };
    },
  };
}

const STEAL_READ_EVERY_MS = 20;

function gcKindName(kind: number | undefined): string {
  switch (kind) {
    case constants.NODE_PERFORMANCE_GC_MINOR:
      return 'minor';
    case constants.NODE_PERFORMANCE_GC_MAJOR:
      return 'major';
    case constants.NODE_PERFORMANCE_GC_INCREMENTAL:
      return 'incremental';
    case constants.NODE_PERFORMANCE_GC_WEAKCB:
      return 'weak callbacks';
    default:
      return 'other';
  }
}
