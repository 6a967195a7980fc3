// The bench's block tracker tells a reload's own hold on the event loop from the time spent answering
// the queries it sends meanwhile and from the host pausing the whole machine: issue 15's 50 ms is
// about the reload's own.
import { describe, expect, it } from 'vitest';
import { trackBlocks } from '../../scripts/bench/longestBlocks.ts';
import { mostStolenMs, parseStealPerCpuMs } from '../../scripts/bench/hostSteal.ts';

/** A machine whose host never pauses it: these tests are about what the process itself did. */
const noHost = () => undefined;

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('trackBlocks', () => {
  it('splits a block into answering and everything else', async () => {
    const blocks = trackBlocks({ readSteal: noHost });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // One turn of the loop: 60 ms answering, then 40 ms of other work.
    const start = performance.now();
    busy(60);
    const end = performance.now();
    blocks.answered({ start, end });
    busy(40);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { longest, longestOwn } = blocks.stop();
    const [block] = longest;
    expect(block!.ms).toBeGreaterThanOrEqual(100);
    // The answering span as it was measured: on a busy machine the 60 ms of work can take longer.
    expect(Math.abs(block!.answeringMs - (end - start))).toBeLessThanOrEqual(1);
    const [own] = longestOwn;
    expect(own!.stolenMs).toBeUndefined();
    expect(own!.ownMs).toBe(own!.ms - own!.answeringMs);
    expect(own!.ownMs).toBeGreaterThanOrEqual(39);
    expect(own!.ownMs).toBeLessThan(block!.ms);
  });

  it('ranks blocks by what is left once answering is taken out', async () => {
    const blocks = trackBlocks({ readSteal: noHost });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const start = performance.now();
    busy(90);
    blocks.answered({ start, end: performance.now() });
    await new Promise((resolve) => setTimeout(resolve, 5));
    busy(50);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { longest, longestOwn } = blocks.stop();
    // The longest block was all answering; the reload's own longest is the 50 ms one.
    expect(longest[0]!.answeringMs).toBeGreaterThanOrEqual(89);
    expect(longestOwn[0]!.answeringMs).toBe(0);
    expect(longestOwn[0]!.ms).toBeGreaterThanOrEqual(50);
    expect(longestOwn[0]!.atMs).toBeGreaterThan(longest[0]!.atMs);
  });

  it("takes the time the host paused the machine out of the reload's own", async () => {
    // A host that stole 80 ms from CPU 1 while the loop was held, and nothing before.
    let stolen = [0, 0];
    const blocks = trackBlocks({ readSteal: () => stolen });
    await new Promise((resolve) => setTimeout(resolve, 30));
    busy(120);
    stolen = [10, 80];
    await new Promise((resolve) => setTimeout(resolve, 5));
    busy(60);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { longest, longestOwn } = blocks.stop();
    expect(longest[0]!.ms).toBeGreaterThanOrEqual(120);
    expect(longest[0]!.stolenMs).toBe(80);
    expect(longest[0]!.ownMs).toBe(longest[0]!.ms - 80);
    // The later 60 ms block had no steal: it is the reload's own longest.
    expect(longestOwn[0]!.stolenMs).toBe(0);
    expect(longestOwn[0]!.atMs).toBeGreaterThan(longest[0]!.atMs);
  });

  it('never counts more steal than the block lasted', async () => {
    let stolen = [0];
    const blocks = trackBlocks({ readSteal: () => stolen });
    await new Promise((resolve) => setTimeout(resolve, 30));
    busy(40);
    stolen = [500];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [block] = blocks.stop().longest;
    expect(block!.stolenMs).toBe(block!.ms);
    expect(block!.ownMs).toBe(0);
  });
});

describe('collections in a block', () => {
  it('names the kinds of collection inside a block', async () => {
    const blocks = trackBlocks({ readSteal: noHost });
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Millions of small objects kept alive fill the young generation many times over: scavenges.
    const kept: { i: number }[] = [];
    for (let i = 0; i < 2_000_000; i++) kept.push({ i });
    busy(30);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [block] = blocks.stop().longest;
    expect(kept).toHaveLength(2_000_000);
    expect(block!.gcMs).toBeGreaterThan(0);
    expect(block!.gcKinds).toContain('minor');
  });
});

describe('host steal', () => {
  it("reads each CPU's steal from /proc/stat, in ms", () => {
    const stat = [
      'cpu  5538826 763971 717333 8520242 13372 0 13521 27559 0 0',
      'cpu0 2769413 381985 358666 4260121 6686 0 6760 13700 0 0',
      'cpu1 2769413 381986 358667 4260121 6686 0 6761 13859 0 0',
      'intr 123 4 5',
    ].join('\n');
    expect(parseStealPerCpuMs(stat)).toEqual([137_000, 138_590]);
    expect(parseStealPerCpuMs('cpu  1 2 3\nintr 1')).toBeUndefined();
    expect(parseStealPerCpuMs('cpu0 1 2 3 4')).toBeUndefined();
  });

  it('takes the CPU stolen the most between two readings', () => {
    expect(mostStolenMs([100, 200], [130, 290])).toBe(90);
    expect(mostStolenMs([100, 200], [100, 200])).toBe(0);
  });
});
