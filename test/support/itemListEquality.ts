// An answer's items, and a library's meetings and agreements, are lists read by position (an array, an
// `ItemsAtPositions`, a view of a date range, an item table over the cache's bytes). Tests compare what
// a member sees: two lists are equal when they hold equal items in the same order, whichever kind of
// list holds them (a library decoded from its cache holds the same meetings as the one built, as bytes).
import { expect } from 'vitest';

interface ReadByPosition extends Iterable<unknown> {
  readonly length: number;
  at(position: number): unknown;
}

function isReadByPosition(value: unknown): value is ReadByPosition {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const list = value as Partial<ReadByPosition>;
  return typeof list.at === 'function' && typeof list.length === 'number' && typeof list[Symbol.iterator] === 'function';
}

expect.addEqualityTesters([
  function sameItemsInOrder(a, b, customTesters) {
    const aList = isReadByPosition(a);
    const bList = isReadByPosition(b);
    if (!aList && !bList) return undefined;
    if (!(aList || Array.isArray(a)) || !(bList || Array.isArray(b))) return undefined;
    return this.equals([...(a as Iterable<unknown>)], [...(b as Iterable<unknown>)], customTesters);
  },
]);
