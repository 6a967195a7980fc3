// The index's paragraph ids (`articleId#number`, one per document) as one text and where each ends, as
// the library cache stores them: an open checks each id against the paragraph it expects without making
// a string of it. At 1M paragraphs, a string per id was a million objects made at every open, only to be
// compared and dropped (the index keeps no ids: it makes a shown paragraph's id again when asked).

export class DocumentIdTable {
  /**
   * @param text every id, one after another
   * @param ends where id `i` ends in `text` (it starts where id `i - 1` ends), in UTF-16 code units
   */
  constructor(
    readonly text: string,
    readonly ends: Uint32Array,
  ) {
    let start = 0;
    for (let i = 0; i < ends.length; i++) {
      if (ends[i]! < start) throw new Error('paragraph ids: ends out of order');
      start = ends[i]!;
    }
    if (start !== text.length) throw new Error('paragraph ids: ends do not cover the text');
  }

  static of(ids: readonly string[]): DocumentIdTable {
    const ends = new Uint32Array(ids.length);
    let length = 0;
    ids.forEach((id, i) => (ends[i] = length += id.length));
    return new DocumentIdTable(ids.join(''), ends);
  }

  get length(): number {
    return this.ends.length;
  }

  /** The id of document `i`. */
  at(i: number): string {
    return this.text.slice(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
  }

  /** Every id, in order. */
  ids(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  /** Whether document `i`'s id is `${articleId}#${number}` (paragraphDocumentId), without making it. */
  names(i: number, articleId: string, number: number): boolean {
    const { text } = this;
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    const end = this.ends[i]!;
    let at = start + articleId.length;
    // '#', then at least one digit, the first not 0: `String(number)` of a paragraph number (from 1).
    if (at + 1 >= end || text.charCodeAt(at) !== 35 || text.charCodeAt(at + 1) === 48 || !text.startsWith(articleId, start)) return false;
    let value = 0;
    for (at++; at < end; at++) {
      const digit = text.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9) return false;
      value = value * 10 + digit;
    }
    return value === number;
  }
}
