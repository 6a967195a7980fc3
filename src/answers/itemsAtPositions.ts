// The items of a long answer as positions in one of the library's lists: an item is read from the list
// when a reply (one page of it) or the CLI reads it, so an answer of tens of thousands of meetings costs
// its positions, not an array of tens of thousands filled on every command.
import type { AnswerItem, ItemList } from './answer.ts';

/** A list read by position: one of the library's item tables. */
export interface ItemsByPosition {
  at(position: number): AnswerItem | undefined;
}

/** The items of `list` at `positions`, the first of them replaced by `leading` (their bolded copies), then `after`. */
export class ItemsAtPositions implements ItemList {
  readonly length: number;

  constructor(
    private readonly list: ItemsByPosition,
    /** Ascending positions in `list`, the list's own or a copy: never changed. */
    private readonly positions: Uint32Array,
    private readonly leading: readonly AnswerItem[],
    private readonly after: readonly AnswerItem[],
  ) {
    this.length = positions.length + after.length;
  }

  at(index: number): AnswerItem | undefined {
    // As `Array.prototype.at`: a fraction is cut to a whole number, a negative index counts from the end.
    const whole = Math.trunc(index) || 0;
    const at = whole < 0 ? whole + this.length : whole;
    if (at < 0 || at >= this.length) return undefined;
    if (at < this.leading.length) return this.leading[at];
    return at < this.positions.length ? this.list.at(this.positions[at]!) : this.after[at - this.positions.length];
  }

  *[Symbol.iterator](): Iterator<AnswerItem> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}
