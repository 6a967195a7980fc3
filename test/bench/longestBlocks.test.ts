// The bench's block tracker tells a reload's own hold on the event loop from the time spent answering
// the queries it sends meanwhile: issue 15's 50 ms is about the former.
import { describe, expect, it } from 'vitest';
import { trackBlocks } from '../../scripts/bench/longestBlocks.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('trackBlocks', () => {
  it('splits a block into answering and everything else', async () => {
    const blocks = trackBlocks();
    await new Promise((resolve) => setTimeout(resolve, 5));
    // One turn of the loop: 60 ms answering, then 40 ms of other work.
    const start = performance.now();
    busy(60);
    const end = performance.now();
    blocks.answered({ start, end });
    busy(40);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { longest, longestBesidesAnswering } = blocks.stop();
    const [block] = longest;
    expect(block!.ms).toBeGreaterThanOrEqual(100);
    expect(block!.answeringMs).toBeGreaterThanOrEqual(59);
    expect(block!.answeringMs).toBeLessThanOrEqual(61);
    const [own] = longestBesidesAnswering;
    expect(own!.ms - own!.answeringMs).toBeGreaterThanOrEqual(39);
    expect(own!.ms - own!.answeringMs).toBeLessThan(block!.ms);
  });

  it('ranks blocks by what is left once answering is taken out', async () => {
    const blocks = trackBlocks();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const start = performance.now();
    busy(90);
    blocks.answered({ start, end: performance.now() });
    await new Promise((resolve) => setTimeout(resolve, 5));
    busy(50);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { longest, longestBesidesAnswering } = blocks.stop();
    // The longest block was all answering; the reload's own longest is the 50 ms one.
    expect(longest[0]!.answeringMs).toBeGreaterThanOrEqual(89);
    expect(longestBesidesAnswering[0]!.answeringMs).toBe(0);
    expect(longestBesidesAnswering[0]!.ms).toBeGreaterThanOrEqual(50);
    expect(longestBesidesAnswering[0]!.atMs).toBeGreaterThan(longest[0]!.atMs);
  });
});
