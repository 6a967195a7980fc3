import { describe, expect, it } from 'vitest';
import { retryWhileUnreachable } from '../../src/discord/retryWhileUnreachable.ts';
import { createLogger } from '../../src/logger.ts';

function setup() {
  const lines: Record<string, unknown>[] = [];
  const pauses: number[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => lines.push(JSON.parse(line)) });
  return { lines, pauses, logger, sleep: async (ms: number) => void pauses.push(ms) };
}

describe('retryWhileUnreachable: start-up while Discord cannot be reached', () => {
  it('tries again with doubling pauses, capped, until it connects', async () => {
    const { lines, pauses, logger, sleep } = setup();
    let attempts = 0;
    const result = await retryWhileUnreachable(
      async () => {
        if (++attempts < 6) throw new Error('connect ECONNREFUSED 127.0.0.1:443');
        return 'connected';
      },
      { logger, isFatal: () => false, stopped: () => false, sleep, firstDelayMs: 1000, maxDelayMs: 8000 },
    );
    expect(result).toBe('connected');
    expect(pauses).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(lines.filter((line) => line.msg === 'cannot reach Discord yet; trying again')).toHaveLength(5);
  });

  it('gives up at once on a rejected token, and when a stop was asked for', async () => {
    const { logger, sleep } = setup();
    const rejected = new Error('An invalid token was provided.');
    await expect(
      retryWhileUnreachable(async () => Promise.reject(rejected), {
        logger,
        isFatal: (error) => error === rejected,
        stopped: () => false,
        sleep,
      }),
    ).rejects.toBe(rejected);
    let stopped = false;
    const unreachable = new Error('ECONNREFUSED');
    await expect(
      retryWhileUnreachable(async () => Promise.reject(unreachable), {
        logger,
        isFatal: () => false,
        stopped: () => stopped,
        sleep: async () => void (stopped = true),
      }),
    ).rejects.toBe(unreachable);
  });
});
