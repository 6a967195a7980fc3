// Randomness for the synthetic corpus: a small seeded PRNG, and a Zipf sampler so a few names and words
// are everywhere while the long tail keeps adding new ones. Same seed, same sequence.

/** mulberry32: tiny, fast, good enough to shuffle text; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A rank in [0, size) with P(rank) ∝ 1/(rank+1)^exponent (continuous inverse-CDF approximation). */
  zipf(size: number, exponent = 1.07): number {
    const oneMinus = 1 - exponent;
    const top = Math.pow(size + 1, oneMinus);
    const value = Math.pow((top - 1) * this.next() + 1, 1 / oneMinus);
    return Math.min(size - 1, Math.max(0, Math.floor(value) - 1));
  }
}

/** A stable 32-bit mix of a number, to derive one item's own PRNG from its rank. */
export function mix(value: number, salt: number): number {
  let h = Math.imul(value ^ salt, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
