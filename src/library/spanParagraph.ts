// The paragraphs of an article read back from the cache. Their sentences are not kept as objects: each
// paragraph holds where they start and end in its article's spans, and cuts them from the body when asked
// (`/ask` and `/cite` ask for the sentences of the few paragraphs they show). At 1M paragraphs, a Sentence
// object with its text for each of ~3M sentences held hundreds of megabytes that no command reads.

import type { Paragraph, Sentence } from '../corpus/types.ts';

export class SpanParagraph implements Paragraph {
  readonly articleId: string;
  readonly number: number;
  // Private fields: not own properties, so a SpanParagraph has a Paragraph's keys and no others. Its
  // text, start and end are read from the spans when asked, not kept: at 1M paragraphs each kept field
  // and each kept slice of the body was 8 to 32 MB.
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

  /** Where the next paragraph's spans start. */
  get spansEnd(): number {
    return this.#at + 3 + 2 * this.#spans[this.#at + 2]!;
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
 * Checks an article's spans, `spans[from]` to `spans[to]` (per paragraph: start, end, sentence count,
 * then each sentence's start and end), against its body and cuts its paragraphs. The paragraphs keep
 * `spans` itself, not a copy. Throws on spans that do not fit the body.
 */
export function paragraphsFromSpans(articleId: string, body: string, spans: Uint32Array, from = 0, to = spans.length): SpanParagraph[] {
  if (from > to || to > spans.length) throw new Error(`article ${articleId}: bad span`);
  for (let i = from; i < to; i++) if (spans[i]! > body.length) throw new Error(`article ${articleId}: bad span`);
  const paragraphs: SpanParagraph[] = [];
  let at = from;
  while (at < to) {
    if (at + 3 > to) throw new Error(`article ${articleId}: bad span`);
    const paragraph = new SpanParagraph(articleId, paragraphs.length + 1, body, spans, at);
    if (paragraph.spansEnd > to) throw new Error(`article ${articleId}: bad span`);
    paragraphs.push(paragraph);
    at = paragraph.spansEnd;
  }
  return paragraphs;
}
