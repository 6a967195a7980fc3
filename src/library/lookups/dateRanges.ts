// The stretch of a date-sorted list (meetings, agreements) that a year or month covers, and views of
// such stretches that answers hand on.
import type { AgreementItem, MeetingItem } from '../../extract/items.ts';
import type { ItemTable } from '../itemTable.ts';
import { lowerBoundAt } from '../../text/lowerBound.ts';

type Item = MeetingItem | AgreementItem;

/**
 * The held items of [from, to) of one table, then the planned items of [plannedFrom, plannedTo) of
 * another, read by position as an answer's item list (`length`, `at` as `Array.prototype.at`, iterable):
 * `/who-met` without a person lists every meeting of a year and then the planned ones, thousands of
 * items of which a reply shows one page, so nothing is copied and only the items read are made.
 */
export class ItemsInRanges implements Iterable<Item> {
  readonly length: number;
  private readonly heldCount: number;

  constructor(
    private readonly held: ItemTable<Item>,
    private readonly from: number,
    to: number,
    private readonly planned?: ItemTable<Item>,
    private readonly plannedFrom = 0,
    plannedTo = 0,
  ) {
    this.heldCount = Math.max(0, to - from);
    this.length = this.heldCount + (planned ? Math.max(0, plannedTo - plannedFrom) : 0);
  }

  at(index: number): Item | undefined {
    const whole = Math.trunc(index) || 0;
    const at = whole < 0 ? whole + this.length : whole;
    if (at < 0 || at >= this.length) return undefined;
    return at < this.heldCount ? this.held.at(this.from + at) : this.planned!.at(this.plannedFrom + at - this.heldCount);
  }

  *[Symbol.iterator](): Iterator<Item> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/** The positions [from, to) of a list, for an answer that hands on positions (see ItemsAtPositions). */
export function rangePositions(from: number, to: number): Uint32Array {
  const positions = new Uint32Array(Math.max(0, to - from));
  for (let i = 0; i < positions.length; i++) positions[i] = from + i;
  return positions;
}

/** The held items of [from, to) followed by the planned items of [plannedFrom, plannedTo), read when asked. */
export function heldThenPlanned(
  held: ItemTable<Item>,
  [from, to]: readonly [number, number],
  planned: ItemTable<Item>,
  [plannedFrom, plannedTo]: readonly [number, number],
): ItemsInRanges {
  return new ItemsInRanges(held, from, to, planned, plannedFrom, plannedTo);
}

/**
 * The positions [from, to) of items dated within a year (and month) in a list sorted by date, found by
 * binary search: dates are `YYYY-MM` or `YYYY-MM-DD`, so they sort as text.
 */
export function dateRange(items: DatedList, year: number | undefined, month?: number): [number, number] {
  if (year === undefined) return [0, items.length];
  const prefix = month === undefined ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
  const dateAt = (position: number) => items.dateAt(position);
  return [lowerBoundAt(prefix, dateAt, 0, items.length), lowerBoundAt(`${prefix}\uffff`, dateAt, 0, items.length)];
}

/** A list sorted by date, whose dates are read without making its items (an ItemTable). */
interface DatedList {
  readonly length: number;
  dateAt(position: number): string;
}
