// Finds the longest stretches during which the event loop could not run (a 1 ms timer that fired
// late) and how much of each was garbage collection on this thread, to tell our own long work from
// V8's pauses when a reload blocks for too long.
import { PerformanceObserver } from 'node:perf_hooks';

export interface Block {
  /** When it started, in ms after tracking began. */
  atMs: number;
  ms: number;
  /** Garbage collection on this thread inside the block (ms). */
  gcMs: number;
}

export function trackBlocks(longerThanMs = 25): { stop(most?: number): Block[] } {
  const started = performance.now();
  const collections: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const gaps: { start: number; end: number }[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > longerThanMs) gaps.push({ start: last, end: now });
    last = now;
  }, 1);
  return {
    stop(most = 5) {
      clearInterval(timer);
      observer.disconnect();
      const gcWithin = (gap: { start: number; end: number }) =>
        collections.reduce((sum, gc) => sum + Math.max(0, Math.min(gap.end, gc.end) - Math.max(gap.start, gc.start)), 0);
      return gaps
        .sort((a, b) => b.end - b.start - (a.end - a.start))
        .slice(0, most)
        .map((gap) => ({ atMs: Math.round(gap.start - started), ms: Math.round(gap.end - gap.start), gcMs: Math.round(gcWithin(gap)) }));
    },
  };
}
