// Lists of positions (in `library.meetings`, `library.agreements`) kept per key (a name, a syllable), for
// lookups that are read-only once built. All the lists live in two typed arrays instead of one JS array
// per key: at a million paragraphs that is hundreds of thousands of arrays fewer for the collector to walk,
// and 4 bytes a position instead of 8 plus the slack a growing array keeps.
import { GrowingUint32 } from '../../text/growingUint32.ts';

/** Every key's ascending positions: `positions[starts[id]]` up to `positions[starts[id + 1]]`. */
export interface PositionLists {
  /** Each key's id, in the order keys were first added. */
  readonly idOf: ReadonlyMap<string, number>;
  readonly starts: Uint32Array;
  readonly positions: Uint32Array;
}

/** The positions kept for `key`, ascending (a view, not a copy), or undefined when it has none. */
export function positionsOf(lists: PositionLists, key: string): Uint32Array | undefined {
  const id = lists.idOf.get(key);
  return id === undefined ? undefined : lists.positions.subarray(lists.starts[id]!, lists.starts[id + 1]!);
}

/** Pairs turned into lists between two chances to pause. */
const PAIRS_PER_STEP = 16_384;

/**
 * Collects (key, position) pairs with positions added in ascending order, then lays them out per key by
 * a counting sort, which keeps each key's positions ascending.
 */
export class PositionListsBuilder {
  private readonly idOf = new Map<string, number>();
  /** The last position added under each key id, so that a position is kept once per key. */
  private readonly lastPosition: number[] = [];
  private readonly pairKeys = new GrowingUint32();
  private readonly pairPositions = new GrowingUint32();

  /** The id of `key`, given on first sight. */
  idFor(key: string): number {
    let id = this.idOf.get(key);
    if (id === undefined) {
      id = this.idOf.size;
      this.idOf.set(key, id);
      this.lastPosition.push(-1);
    }
    return id;
  }

  /** Adds `position` under the key `id` (from `idFor`), unless it is already its last. */
  addById(id: number, position: number): void {
    if (this.lastPosition[id] === position) return;
    this.lastPosition[id] = position;
    this.pairKeys.push(id);
    this.pairPositions.push(position);
  }

  add(key: string, position: number): void {
    this.addById(this.idFor(key), position);
  }

  /** The lists, laid out in slices (a `yield` between them). */
  *build(): Generator<void, PositionLists, void> {
    const keyCount = this.idOf.size;
    const pairCount = this.pairKeys.length;
    const pairKeys = this.pairKeys.buffer;
    const pairPositions = this.pairPositions.buffer;
    const starts = new Uint32Array(keyCount + 1);
    for (let i = 0; i < pairCount; i++) {
      starts[pairKeys[i]! + 1]!++;
      if (i % PAIRS_PER_STEP === PAIRS_PER_STEP - 1) yield;
    }
    for (let id = 0; id < keyCount; id++) starts[id + 1]! += starts[id]!;
    yield;
    const next = starts.slice(0, keyCount);
    const positions = new Uint32Array(pairCount);
    for (let i = 0; i < pairCount; i++) {
      positions[next[pairKeys[i]!]!++] = pairPositions[i]!;
      if (i % PAIRS_PER_STEP === PAIRS_PER_STEP - 1) yield;
    }
    return { idOf: this.idOf, starts, positions };
  }
}
