// Finds the longest stretches during which the event loop could not run (a 1 ms timer that fired
// late), how much of each was garbage collection on this thread, and how much was spent answering the
// queries the bench sends meanwhile, to tell the reload's own work from V8's pauses and from a slow
// answer (at 1M paragraphs one /ask alone can take 50 ms, reload or not).
import { PerformanceObserver } from 'node:perf_hooks';

export interface Block {
  /** When it started, in ms after tracking began. */
  atMs: number;
  ms: number;
  /** Garbage collection on this thread inside the block (ms). */
  gcMs: number;
  /** Time inside the block spent answering queries (reported with `answered`), garbage collection in them included. */
  answeringMs: number;
}

export interface Blocks {
  /** The longest blocks, longest first. */
  longest: Block[];
  /** The blocks in which the loop was held longest by anything but answering (`ms - answeringMs`), that first. */
  longestBesidesAnswering: Block[];
}

interface Span {
  start: number;
  end: number;
}

export function trackBlocks(longerThanMs = 25): { answered(span: Span): void; stop(most?: number): Blocks } {
  const started = performance.now();
  const collections: Span[] = [];
  const answering: Span[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const gaps: Span[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > longerThanMs) gaps.push({ start: last, end: now });
    last = now;
  }, 1);
  const overlap = (gap: Span, spans: Span[]) =>
    spans.reduce((sum, span) => sum + Math.max(0, Math.min(gap.end, span.end) - Math.max(gap.start, span.start)), 0);
  return {
    answered: (span) => void answering.push(span),
    stop(most = 5) {
      clearInterval(timer);
      observer.disconnect();
      const blocks = gaps.map((gap) => ({
        atMs: Math.round(gap.start - started),
        ms: Math.round(gap.end - gap.start),
        gcMs: Math.round(overlap(gap, collections)),
        answeringMs: Math.round(overlap(gap, answering)),
      }));
      const besides = (block: Block) => block.ms - block.answeringMs;
      return {
        longest: [...blocks].sort((a, b) => b.ms - a.ms).slice(0, most),
        longestBesidesAnswering: [...blocks].sort((a, b) => besides(b) - besides(a)).slice(0, most),
      };
    },
  };
}
