// The paragraphs of an article cut in this process (loaded from its file, or sent to a worker): kept as
// the objects segmentation made. An article read back from the cache has `SpanParagraphs` instead.
import type { Paragraph, ParagraphList } from './types.ts';

export class ParagraphArray implements ParagraphList {
  /** An own field, not a private one: so that comparing two articles (a test's `toEqual`) compares their paragraphs. */
  readonly paragraphs: readonly Paragraph[];

  /** `paragraphs` numbered 1, 2, … in order, as segmentBody makes them. */
  constructor(paragraphs: readonly Paragraph[]) {
    this.paragraphs = paragraphs;
  }

  get length(): number {
    return this.paragraphs.length;
  }

  numbered(number: number): Paragraph | undefined {
    return Number.isInteger(number) && number >= 1 ? this.paragraphs[number - 1] : undefined;
  }

  [Symbol.iterator](): Iterator<Paragraph> {
    return this.paragraphs[Symbol.iterator]();
  }
}
