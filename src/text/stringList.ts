// A list of strings read by index. The library's larger lists (each agreement's folded quotes, each
// party's segment, each person's solid name: 70k to 120k strings each at 1M paragraphs) are, when read
// back from the cache, views of one table of text that cut a string when asked: as arrays they were
// hundreds of thousands of strings that every full collection of the heap walked.

export interface StringList {
  readonly length: number;
  /** String `index`, or undefined outside the list (0 to length - 1). */
  get(index: number): string | undefined;
}

/** A list made in this process, kept as the array it was made as. */
export class StringArray implements StringList {
  readonly #strings: readonly string[];

  constructor(strings: readonly string[]) {
    this.#strings = strings;
  }

  get length(): number {
    return this.#strings.length;
  }

  get(index: number): string | undefined {
    return Number.isInteger(index) && index >= 0 ? this.#strings[index] : undefined;
  }
}

/** Every string of a list, in order (for writing it to the cache). */
export function stringsOf(list: StringList): string[] {
  return Array.from({ length: list.length }, (_, index) => list.get(index)!);
}
