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
 * Untimed rounds of every input before the timed calls, for every engine and command alike. V8 compiles
 * a function for speed only after it has run a while, and recompiles it the first times it meets new
 * kinds of values: with one round, a sub-millisecond command's p99 over 500 calls measured that
 * compiling (at 100k paragraphs, /who-met's p99 was 4.6 ms over the first 500 calls and 1.1 ms over the
 * next 500, same answers; 27 deoptimisations in the first 500, 2 after ten rounds). A bot runs for days
 * and warms its engines when it starts (src/answers/warmUp.ts): members get the steady state.
 */
export const WARM_UP_ROUNDS = 10;
/** Share of a kind's time budget its warm-up may take, so a slow baseline cannot stall the run. */
const WARM_UP_SHARE_OF_BUDGET = 0.25;

/**
 * Times the first call, counts the distinct inputs that found something, runs WARM_UP_ROUNDS rounds
 * in all untimed, then times `total` calls round-robin, stopping early once `budgetMs` is spent (the
 * count shows it) so a slow engine cannot stall the run.
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
  const warmUntil = performance.now() + budgetMs * WARM_UP_SHARE_OF_BUDGET;
  for (let warmRound = 1; warmRound < WARM_UP_ROUNDS && performance.now() < warmUntil; warmRound++) {
    for (const input of inputs) run(input);
  }
  const durations = timeRoundRobin(inputs, total, run, performance.now() + budgetMs);
  return { ...latencyStats(durations), distinct: inputs.length, withResults, firstMs };
}
