// Turns a list of measured durations into the few numbers the bench prints.

import type { QueryKindResult } from './benchResult.ts';

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles in milliseconds, rounded to microseconds. */
export function latencyStats(durationsMs: readonly number[]): LatencyStats {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const at = (percentile: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1))] ?? 0;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    max: round(sorted[sorted.length - 1] ?? 0),
    mean: round(sorted.length === 0 ? 0 : total / sorted.length),
  };
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Runs `run` over `inputs` round-robin `total` times, or until `deadline` (a `performance.now()` time)
 * has passed, and returns every call's duration in ms.
 */
export function timeRoundRobin<Input>(
  inputs: readonly Input[],
  total: number,
  run: (input: Input) => unknown,
  deadline = Infinity,
): number[] {
  const durations: number[] = [];
  for (let index = 0; index < total; index++) {
    const input = inputs[index % inputs.length]!;
    const started = performance.now();
    run(input);
    const finished = performance.now();
    durations.push(finished - started);
    if (finished > deadline) break;
  }
  return durations;
}

/**
 * Times the first call, counts the distinct inputs that found something, then times `total` calls
 * round-robin, stopping early once `budgetMs` is spent (the count shows it) so a slow engine cannot stall the run.
 */
export function measureKind<Input>(
  inputs: readonly Input[],
  total: number,
  budgetMs: number,
  run: (input: Input) => number,
): QueryKindResult {
  const firstStarted = performance.now();
  run(inputs[0]!);
  const firstMs = round(performance.now() - firstStarted);
  const withResults = inputs.filter((input) => run(input) > 0).length;
  const durations = timeRoundRobin(inputs, total, run, performance.now() + budgetMs);
  return { ...latencyStats(durations), distinct: inputs.length, withResults, firstMs };
}
