// The stretch of a date-sorted list (meetings, agreements) that a year or month covers, and the
// slices of it that answers share.
import type { AnswerItem } from '../../extract/items.ts';
import { BoundedMap } from '../../text/boundedMap.ts';
import { lowerBound } from '../../text/lowerBound.ts';

/** The date ranges already cut from each list, per library: the same few are asked again and again. */
const rangesByList = new WeakMap<readonly AnswerItem[], BoundedMap<RangeKey, readonly AnswerItem[]>>();
/** Distinct ranges kept per list: every year and month of a decade, and then some. */
const MAX_RANGES = 512;

/**
 * `items.slice(from, to)`, cut once and shared (frozen) by every answer that asks for the same range:
 * `/who-met year:2025` and each page button after it return thousands of items without copying them.
 */
export function itemsInRange(items: readonly AnswerItem[], from: number, to: number): readonly AnswerItem[] {
  let ranges = rangesByList.get(items);
  if (!ranges) rangesByList.set(items, (ranges = new BoundedMap(MAX_RANGES)));
  const key = rangeKey(from, to, items.length);
  let range = ranges.get(key);
  if (!range) ranges.set(key, (range = Object.freeze(items.slice(from, to))));
  return range;
}

/** The held-then-planned lists already joined, per held list (and the planned list they were joined with). */
const joinedByList = new WeakMap<
  readonly AnswerItem[],
  { planned: readonly AnswerItem[]; ranges: BoundedMap<RangeKey, readonly AnswerItem[]> }
>();

/**
 * The held items of [from, to) followed by the planned items of [plannedFrom, plannedTo), joined once and
 * shared like {@link itemsInRange}: `/who-met` without a person lists every meeting and then the planned
 * ones, and joining the two copied the whole list (tens of thousands) on every command and page press.
 */
export function heldThenPlanned(
  held: readonly AnswerItem[],
  [from, to]: readonly [number, number],
  planned: readonly AnswerItem[],
  [plannedFrom, plannedTo]: readonly [number, number],
): readonly AnswerItem[] {
  if (plannedFrom >= plannedTo) return itemsInRange(held, from, to);
  let joined = joinedByList.get(held);
  if (!joined || joined.planned !== planned) joinedByList.set(held, (joined = { planned, ranges: new BoundedMap(MAX_RANGES) }));
  const heldKey = rangeKey(from, to, held.length);
  const plannedKey = rangeKey(plannedFrom, plannedTo, planned.length);
  const key = pairKey(heldKey, plannedKey, (planned.length + 1) ** 2);
  let range = joined.ranges.get(key);
  if (!range) joined.ranges.set(key, (range = Object.freeze([...held.slice(from, to), ...planned.slice(plannedFrom, plannedTo)])));
  return range;
}

/** A cache key of ranges: one number when it can be (made on every command, where a string was garbage). */
type RangeKey = number | string;

/** One number per range [from, to) of a list of `length` items. */
function rangeKey(from: number, to: number, length: number): number {
  return from * (length + 1) + to;
}

/** One number per pair of keys, the second below `secondKeys`, while that number is exact; else text. */
function pairKey(first: number, second: number, secondKeys: number): RangeKey {
  const key = first * secondKeys + second;
  return Number.isSafeInteger(key) ? key : `${first}:${second}`;
}

/**
 * The positions [from, to) of items dated within a year (and month) in a list sorted by date, found by
 * binary search: dates are `YYYY-MM` or `YYYY-MM-DD`, so they sort as text.
 */
export function dateRange(items: readonly { date: string }[], year: number | undefined, month?: number): [number, number] {
  if (year === undefined) return [0, items.length];
  const prefix = month === undefined ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
  return [lowerBound(items, prefix, dateOf), lowerBound(items, `${prefix}\uffff`, dateOf)];
}

function dateOf(item: { date: string }): string {
  return item.date;
}
