// A list read by index. The library's larger lists (each agreement's folded quotes, each party's segment,
// each person's solid name, the people themselves: 70k to 120k entries each at 1M paragraphs) are, when
// read back from the cache, views of typed columns and one table of text that make an entry when asked:
// as arrays they were hundreds of thousands of objects that every full collection of the heap walked.

export interface ListByIndex<Item> {
  readonly length: number;
  /** Entry `index`, or undefined outside the list (0 to length - 1). */
  get(index: number): Item | undefined;
}

export type StringList = ListByIndex<string>;

/** A list made in this process, kept as the array it was made as. */
export class ArrayByIndex<Item> implements ListByIndex<Item> {
  readonly #items: readonly Item[];

  constructor(items: readonly Item[]) {
    this.#items = items;
  }

  get length(): number {
    return this.#items.length;
  }

  get(index: number): Item | undefined {
    return Number.isInteger(index) && index >= 0 ? this.#items[index] : undefined;
  }
}

/** Every entry of a list, in order (for writing it to the cache, and for tests). */
export function everyItem<Item>(list: ListByIndex<Item>): Item[] {
  return Array.from({ length: list.length }, (_, index) => list.get(index)!);
}
