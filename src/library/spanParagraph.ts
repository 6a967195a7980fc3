// The paragraphs of an article read back from the cache. Neither the paragraphs nor their sentences are
// kept as objects: an article holds one `SpanParagraphs`, which knows where each of its paragraphs'
// spans start, and makes a paragraph when asked (`/ask` and `/cite` ask for the few they show). At 1M
// paragraphs, an object per paragraph was a million objects that every full collection had to walk, and
// a reload holds two libraries; a Sentence object per sentence had been ~3M more.

import type { Paragraph, ParagraphList, Sentence } from '../corpus/types.ts';

export class SpanParagraph implements Paragraph {
  readonly articleId: string;
  readonly number: number;
  // Private fields: not own properties, so a SpanParagraph has a Paragraph's keys and no others. Its
  // text, start and end are read from the spans when asked.
  readonly #body: string;
  /** The library's spans (the cache's `spans` section): this paragraph's are start, end, sentence count, then pairs. */
  readonly #spans: Uint32Array;
  readonly #at: number;

  constructor(articleId: string, number: number, body: string, spans: Uint32Array, at: number) {
    this.articleId = articleId;
    this.number = number;
    this.#body = body;
    this.#spans = spans;
    this.#at = at;
  }

  get start(): number {
    return this.#spans[this.#at]!;
  }

  get end(): number {
    return this.#spans[this.#at + 1]!;
  }

  /** An exact slice of the body, cut when asked (V8 keeps it as a view of the body, not a copy). */
  get text(): string {
    return this.#body.slice(this.#spans[this.#at]!, this.#spans[this.#at + 1]!);
  }

  /** A new array each time, each sentence an exact slice of the body, as `segmentBody` made them. */
  get sentences(): Sentence[] {
    const sentences: Sentence[] = [];
    const count = this.#spans[this.#at + 2]!;
    for (let s = 0; s < count; s++) {
      const start = this.#spans[this.#at + 3 + 2 * s]!;
      const end = this.#spans[this.#at + 4 + 2 * s]!;
      sentences.push({ number: s + 1, text: this.#body.slice(start, end), start, end });
    }
    return sentences;
  }
}

/**
 * Where each paragraph's spans start, for every article of a library: one array, filled article by
 * article as their spans are checked.
 */
export class ParagraphStarts {
  readonly starts: Uint32Array;
  /** Paragraphs recorded so far. */
  count = 0;

  constructor(capacity: number) {
    this.starts = new Uint32Array(capacity);
  }
}

/** An article's paragraphs as offsets into the library's spans: a paragraph object is made when asked. */
export class SpanParagraphs implements ParagraphList {
  readonly #articleId: string;
  readonly #body: string;
  readonly #spans: Uint32Array;
  readonly #starts: Uint32Array;
  /** This article's first paragraph in `#starts`. */
  readonly #first: number;
  readonly length: number;

  constructor(articleId: string, body: string, spans: Uint32Array, starts: Uint32Array, first: number, length: number) {
    this.#articleId = articleId;
    this.#body = body;
    this.#spans = spans;
    this.#starts = starts;
    this.#first = first;
    this.length = length;
  }

  numbered(number: number): SpanParagraph | undefined {
    if (!Number.isInteger(number) || number < 1 || number > this.length) return undefined;
    return new SpanParagraph(this.#articleId, number, this.#body, this.#spans, this.#starts[this.#first + number - 1]!);
  }

  *[Symbol.iterator](): Iterator<SpanParagraph> {
    for (let number = 1; number <= this.length; number++) yield this.numbered(number)!;
  }
}

/**
 * Checks an article's spans, `spans[from]` to `spans[to]` (per paragraph: start, end, sentence count,
 * then each sentence's start and end), against its body, and records where each paragraph's start in
 * `starts` (by default an array of its own). The paragraphs keep `spans` itself, not a copy. Throws on
 * spans that do not fit the body, or more paragraphs than `starts` has room for.
 */
export function paragraphsFromSpans(
  articleId: string,
  body: string,
  spans: Uint32Array,
  from = 0,
  to = spans.length,
  starts = new ParagraphStarts(Math.ceil(Math.max(0, to - from) / 3)),
): SpanParagraphs {
  const bad = () => new Error(`article ${articleId}: bad span`);
  if (from > to || to > spans.length) throw bad();
  for (let i = from; i < to; i++) if (spans[i]! > body.length) throw bad();
  const first = starts.count;
  let at = from;
  while (at < to) {
    if (at + 3 > to || starts.count >= starts.starts.length) throw bad();
    const next = at + 3 + 2 * spans[at + 2]!;
    if (next > to) throw bad();
    starts.starts[starts.count++] = at;
    at = next;
  }
  return new SpanParagraphs(articleId, body, spans, starts.starts, first, starts.count - first);
}
