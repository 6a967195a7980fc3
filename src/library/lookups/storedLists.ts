// The typed lists a lookup is stored as in the library's cache (see storedLookups.ts): several Uint32
// lists in one section, each after its length, read back as views of the section (no copy), and every
// list checked to fit what it indexes, so that a cache that does not fit throws (and is rebuilt).
import type { PositionLists } from './positionLists.ts';
import type { NameWords } from './nameWords.ts';
import type { StringList } from '../../text/listByIndex.ts';

/**
 * Values checked between two chances to pause: these loops run once per open, mostly before they are
 * compiled, at a few hundred nanoseconds a value.
 */
export const VALUES_PER_STEP = 4_096;

/** The lists one after another, each after its length. */
export function packLists(lists: readonly ArrayLike<number>[]): Uint32Array {
  const packed = new Uint32Array(lists.reduce((sum, list) => sum + 1 + list.length, 0));
  let at = 0;
  for (const list of lists) {
    packed[at++] = list.length;
    packed.set(list, at);
    at += list.length;
  }
  return packed;
}

/** Reads back what `packLists` wrote, list by list; throws when the section ends early or runs on. */
export class PackedListsReader {
  private at = 0;

  constructor(
    private readonly packed: Uint32Array,
    private readonly name: string,
  ) {}

  next(): Uint32Array {
    const length = this.packed[this.at];
    if (length === undefined || this.at + 1 + length > this.packed.length) throw new Error(`cache: lookup ${this.name} ends early`);
    const list = this.packed.subarray(this.at + 1, this.at + 1 + length);
    this.at += 1 + length;
    return list;
  }

  /** Throws unless every list was read. */
  end(): void {
    if (this.at !== this.packed.length) throw new Error(`cache: lookup ${this.name} holds more than it should`);
  }
}

/** The strings that `indices` name in `table`; throws on an index outside it. */
export function* stringsAt(indices: Uint32Array, table: StringList): Generator<void, string[], void> {
  const strings: string[] = new Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const text = table.get(indices[i]!);
    if (text === undefined) throw new Error('cache: a lookup names no string');
    strings[i] = text;
    if (i % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
  return strings;
}

/** The strings that `indices` name in `table`, as a view that cuts each when asked; throws on an index outside it. */
export function* stringListAt(indices: Uint32Array, table: StringList): Generator<void, StringList, void> {
  for (let i = 0; i < indices.length; i++) {
    if (table.get(indices[i]!) === undefined) throw new Error('cache: a lookup names no string');
    if (i % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
  return new StringsAt(indices, table);
}

/** The strings of a table at given indices, in their order. */
class StringsAt implements StringList {
  readonly #indices: Uint32Array;
  readonly #table: StringList;

  constructor(indices: Uint32Array, table: StringList) {
    this.#indices = indices;
    this.#table = table;
  }

  get length(): number {
    return this.#indices.length;
  }

  get(index: number): string | undefined {
    return Number.isInteger(index) && index >= 0 && index < this.#indices.length ? this.#table.get(this.#indices[index]!) : undefined;
  }
}

/** `starts` of `count` groups over `length` entries: from 0, never back, up to `length`. */
export function* checkStarts(starts: Uint32Array, count: number, length: number): Generator<void, void, void> {
  if (starts.length !== count + 1 || starts[0] !== 0 || starts[count] !== length) throw new Error('cache: lookup groups that do not fit');
  for (let i = 0; i < count; i++) {
    if (starts[i + 1]! < starts[i]!) throw new Error('cache: lookup groups out of order');
    if (i % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
}

/** Every value below `limit`, pausing every VALUES_PER_STEP values. */
export function* checkBelow(values: ArrayLike<number>, limit: number): Generator<void, void, void> {
  for (let i = 0; i < values.length; i++) {
    if (values[i]! >= limit) throw new Error('cache: a lookup points past its list');
    if (i % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
}

/** The ordering of `count` things: each of 0..count-1 once. */
export function* checkOrder(order: Uint32Array, count: number): Generator<void, void, void> {
  if (order.length !== count) throw new Error('cache: an order of another length');
  const seen = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const position = order[i]!;
    if (position >= count || seen[position]) throw new Error('cache: an order that is no permutation');
    seen[position] = 1;
    if (i % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
}

/** Position lists as stored: their keys (as indices into a table of strings), starts and positions. */
export function positionListsParts(lists: PositionLists, keyIndex: (key: string) => number): Uint32Array[] {
  return [Uint32Array.from(lists.idOf.keys(), keyIndex), lists.starts, lists.positions];
}

/** Position lists back from their parts, checked: distinct keys, each list ascending within [0, itemCount). */
export function* positionListsFrom(reader: PackedListsReader, table: StringList, itemCount: number): Generator<void, PositionLists, void> {
  const keys = yield* stringsAt(reader.next(), table);
  const starts = reader.next();
  const positions = reader.next();
  yield* checkStarts(starts, keys.length, positions.length);
  const idOf = new Map<string, number>();
  for (let id = 0; id < keys.length; id++) {
    idOf.set(keys[id]!, id);
    if (id % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
  if (idOf.size !== keys.length) throw new Error('cache: a lookup key stored twice');
  let checked = 0;
  for (let id = 0; id < keys.length; id++) {
    let previous = -1;
    for (let i = starts[id]!; i < starts[id + 1]!; i++) {
      const position = positions[i]!;
      if (position <= previous || position >= itemCount) throw new Error('cache: lookup positions out of order or range');
      previous = position;
      if (++checked % VALUES_PER_STEP === 0) yield;
    }
  }
  return { idOf, starts, positions };
}

/** Name words as stored: the words (as indices), their starts, and each entry as `nameId * 2 + solid`. */
export function nameWordsParts(nameWords: NameWords, wordIndex: (word: string) => number): Uint32Array[] {
  const entries = new Uint32Array(nameWords.nameIds.length);
  for (let i = 0; i < entries.length; i++) entries[i] = nameWords.nameIds[i]! * 2 + nameWords.solid[i]!;
  return [Uint32Array.from(nameWords.words, wordIndex), nameWords.starts, entries];
}

/** Name words back from their parts, checked: words sorted and distinct, each entry's name below `nameCount`. */
export function* nameWordsFrom(reader: PackedListsReader, table: StringList, nameCount: number): Generator<void, NameWords, void> {
  const words = yield* stringsAt(reader.next(), table);
  const starts = reader.next();
  const entries = reader.next();
  yield* checkStarts(starts, words.length, entries.length);
  for (let w = 1; w < words.length; w++) {
    if (!(words[w - 1]! < words[w]!)) throw new Error('cache: name words out of order');
    if (w % VALUES_PER_STEP === 0) yield;
  }
  const nameIds = new Uint32Array(entries.length);
  const solid = new Uint8Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    nameIds[i] = entries[i]! >>> 1;
    solid[i] = entries[i]! & 1;
    if (nameIds[i]! >= nameCount) throw new Error('cache: a name word of no name');
    if (i % VALUES_PER_STEP === VALUES_PER_STEP - 1) yield;
  }
  return { words, starts, nameIds, solid };
}
