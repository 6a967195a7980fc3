// How a size's child process reports to scripts/bench.ts: each number as soon as it has it, stages and
// skips on the way, and its last message waited for before it exits.
import type { ChildMessage, EngineResult, QueryKindResult, SizeResult } from './benchResult.ts';
import { round } from './latencyStats.ts';

export function send(message: ChildMessage): void {
  if (process.send) process.send(message);
}

export function set<Key extends keyof SizeResult>(key: Key, value: SizeResult[Key]): void {
  send({ type: 'set', path: [key], value });
}

export function setIn(key: 'commands' | 'engines', name: string, value: QueryKindResult | EngineResult): void {
  send({ type: 'set', path: [key, name], value });
}

export function progress(label: string, text: string): void {
  process.stderr.write(`[${label}] ${text}\n`);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap in use after a full collection (two passes: the first may only finalize). 0 without --expose-gc. */
export function heapAfterGcMb(): number {
  if (!gc) return 0;
  gc();
  gc();
  return round(process.memoryUsage().heapUsed / 1048576, 1);
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}

/** process.send is asynchronous: wait for the last message so exiting does not drop the ones before it. */
export function flushMessages(): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) return resolve();
    process.send({ type: 'stage', stage: 'done' } satisfies ChildMessage, undefined, {}, () => resolve());
  });
}
