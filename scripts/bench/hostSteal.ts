// How long the host did not run this machine's CPUs ("steal"), per CPU, from Linux's /proc/stat. On a
// virtual machine whose host caps its CPU time, using both CPUs for a while gets the whole machine
// paused for about 100 ms: measured here with two busy processes and nothing else, a 1 ms timer in a
// third fired 100 ms late four times in 30 s, and the CPUs' steal counters grew by as much. A block of
// the event loop during such a pause is the host's, not the bot's: the bench reports the two apart.
import { readFileSync } from 'node:fs';

/**
 * /proc/stat counts in USER_HZ ticks, which Linux fixes at 100 per second for user space on every
 * architecture Node runs on.
 */
const MS_PER_TICK = 10;

/** Each CPU's steal so far, in ms; undefined where /proc/stat cannot be read (not Linux, a sandbox). */
export function stealPerCpuMs(): number[] | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/stat', 'latin1');
  } catch {
    return undefined;
  }
  return parseStealPerCpuMs(stat);
}

/** From /proc/stat's text: the eighth count of each `cpuN` line (user nice system idle iowait irq softirq steal). */
export function parseStealPerCpuMs(stat: string): number[] | undefined {
  const steal: number[] = [];
  for (const line of stat.split('\n')) {
    const fields = /^cpu\d+\s+(.*)$/.exec(line)?.[1]?.trim().split(/\s+/);
    if (!fields) continue;
    if (fields.length < 8) return undefined;
    steal.push(Number(fields[7]) * MS_PER_TICK);
  }
  return steal.length > 0 && steal.every(Number.isFinite) ? steal : undefined;
}

/** The most any one CPU was stolen between two readings (the loop's thread ran on one of them). */
export function mostStolenMs(before: readonly number[], after: readonly number[]): number {
  let most = 0;
  for (let cpu = 0; cpu < Math.min(before.length, after.length); cpu++) most = Math.max(most, after[cpu]! - before[cpu]!);
  return most;
}
