// The library's meetings and agreements as a table read by position: the engines ask for the few items a
// reply shows, and for the dates of many (a year is a binary search over them). A library built here
// holds its items as an array; a library opened from its cache holds each item as the cache's bytes
// (JSON of numbers, cacheItems.ts) and makes the object only when it is read. At 1M paragraphs the
// 367k items as objects were some ten million objects that every major collection had to mark, twice
// over during a reload (issue 15); as bytes they are one buffer each list.
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import { BoundedMap } from '../text/boundedMap.ts';
import type { StringList } from '../text/listByIndex.ts';

/** Meetings or agreements, sorted by date, read by position. */
export interface ItemTable<Item extends MeetingItem | AgreementItem> extends Iterable<Item> {
  readonly length: number;
  /** The item at `position` (0 ≤ position < length); the same object while it is read often. */
  at(position: number): Item;
  /** Its date (`YYYY-MM` or `YYYY-MM-DD`), without making the item. */
  dateAt(position: number): string;
  /** The items of [from, to), made now. */
  slice(from?: number, to?: number): Item[];
}

abstract class ItemTableBase<Item extends MeetingItem | AgreementItem> implements ItemTable<Item> {
  abstract readonly length: number;
  abstract at(position: number): Item;
  abstract dateAt(position: number): string;

  /** As `Array.prototype.slice`: a negative bound counts from the end. */
  slice(from = 0, to = this.length): Item[] {
    const bound = (at: number) => Math.max(0, Math.min(at < 0 ? at + this.length : at, this.length));
    const start = bound(Math.trunc(from) || 0);
    const end = Math.max(start, bound(Math.trunc(to) || 0));
    const items: Item[] = new Array<Item>(end - start);
    for (let position = start; position < end; position++) items[position - start] = this.at(position);
    return items;
  }

  *[Symbol.iterator](): Iterator<Item> {
    for (let position = 0; position < this.length; position++) yield this.at(position);
  }

  protected checked(position: number): number {
    if (!Number.isInteger(position) || position < 0 || position >= this.length)
      throw new RangeError(`no item at ${position} of ${this.length}`);
    return position;
  }
}

/** Items held as objects: a library built in this process (and tests). */
export class ItemArray<Item extends MeetingItem | AgreementItem> extends ItemTableBase<Item> {
  readonly length: number;

  constructor(private readonly items: readonly Item[]) {
    super();
    this.length = items.length;
  }

  at(position: number): Item {
    return this.items[this.checked(position)]!;
  }

  dateAt(position: number): string {
    return this.items[this.checked(position)]!.date;
  }
}

/** Items made again from the cache's bytes when read. */
export interface EncodedItems<Item> {
  /** Each item's JSON (UTF-8), one after another. */
  json: Buffer;
  /** Where each item's JSON ends in `json`. */
  ends: Uint32Array;
  /** Each item's date, as its index in `strings`. */
  dates: Uint32Array;
  strings: StringList;
  /** Turns one item's parsed JSON into the item (cacheItems.ts' ItemDecoder); throws when it does not fit. */
  decode(parsed: unknown): Item;
}

/**
 * Items made lately, per table: a page of a reply reads its items more than once (its text, then its
 * buttons), members page through the same answers, and an item read twice is then the same object.
 */
const ITEMS_KEPT = 1024;

export class ItemsFromBytes<Item extends MeetingItem | AgreementItem> extends ItemTableBase<Item> {
  readonly length: number;
  private readonly made = new BoundedMap<number, Item>(ITEMS_KEPT);

  constructor(private readonly encoded: EncodedItems<Item>) {
    super();
    const { ends, dates, strings, json } = encoded;
    if (dates.length !== ends.length) throw new Error('cache: item dates and items differ in number');
    for (let i = 0; i < ends.length; i++) {
      if (ends[i]! < (i === 0 ? 0 : ends[i - 1]!)) throw new Error('cache: items out of order');
      if (strings.get(dates[i]!) === undefined) throw new Error('cache: an item date that names no string');
    }
    if (ends.length > 0 && ends[ends.length - 1] !== json.byteLength) throw new Error('cache: items do not cover their section');
    this.length = ends.length;
  }

  at(position: number): Item {
    let item = this.made.get(this.checked(position));
    if (item === undefined) this.made.set(position, (item = this.make(position)));
    return item;
  }

  /** The item at `position` made anew (the open checks every item this way once). */
  make(position: number): Item {
    const { json, ends, decode } = this.encoded;
    const item = decode(JSON.parse(json.toString('utf8', position === 0 ? 0 : ends[position - 1]!, ends[position]!)));
    if (item.date !== this.dateAt(position)) throw new Error('cache: an item whose date differs from its column');
    return item;
  }

  dateAt(position: number): string {
    return this.encoded.strings.get(this.encoded.dates[this.checked(position)]!)!;
  }
}
