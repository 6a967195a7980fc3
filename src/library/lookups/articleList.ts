// What /sources lists: the articles in the corpus, newest first. The order is made once per library
// (stored in its cache, or sorted ahead of need while a library loads, in slices) and the list is shared
// by every /sources and page press, so a command costs the same whether the library holds 2 articles or
// 87,000. Each item is made when first read, then kept: a reply shows one page of them, and making all of
// them at open took ~0.7 s at 1M paragraphs (87,000 articles) for items no one had asked for.
import type { AnswerItem } from '../../extract/items.ts';
import type { Library } from '../library.ts';
import type { Article } from '../../corpus/types.ts';
import { openingWords, untitledHeadline } from '../articleHeadline.ts';
import { citationFor } from '../citationSource.ts';
import { derivedOnce } from '../../text/steps.ts';
import { sortInSteps } from './pausingSteps.ts';

/** Positions in `library.corpus.articles`, newest first (ids in order on one date). */
export const articleOrderIndex = derivedOnce(articleOrderSteps);

/** The library's articles as items, newest first (ids in order on one date), each made when first read. */
export const articleListIndex = derivedOnce(articleListSteps);

/**
 * The articles at `order` as /sources items, each made on its first read and kept, so that every read
 * of one position gives the same item. A list (`length`, `at`, iterable: an answer's `ItemList`) that
 * cannot be changed.
 */
export class ArticleItems implements Iterable<AnswerItem> {
  readonly length: number;
  readonly #articles: readonly Article[];
  readonly #order: Uint32Array;
  readonly #made = new Map<number, AnswerItem>();

  constructor(articles: readonly Article[], order: Uint32Array) {
    this.#articles = articles;
    this.#order = order;
    this.length = order.length;
  }

  /** The item at `index` (from the end when negative, as `Array.prototype.at`), or undefined beyond the list. */
  at(index: number): AnswerItem | undefined {
    const whole = Math.trunc(index) || 0;
    const at = whole < 0 ? whole + this.length : whole;
    if (at < 0 || at >= this.length) return undefined;
    let item = this.#made.get(at);
    if (item === undefined) this.#made.set(at, (item = articleItem(this.#articles[this.#order[at]!]!)));
    return item;
  }

  *[Symbol.iterator](): Iterator<AnswerItem> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function* articleOrderSteps(library: Library): Generator<void, Uint32Array, void> {
  // Dates (YYYY-MM[-DD]) and ids ([A-Za-z0-9_-]) are ASCII: plain comparison orders them as localeCompare
  // did, at a fraction of its cost (a sort of 8,689 articles with localeCompare blocked a reload ~100 ms).
  // Sorted in runs with pauses between (87,000 articles sorted at once would block a reload too long),
  // as positions compared through arrays of their dates and ids, read once.
  const { articles } = library.corpus;
  const dates = articles.map((article) => article.date.text);
  const ids = articles.map((article) => article.id);
  yield;
  const order = yield* sortInSteps(
    articles.map((_, i) => i),
    (a, b) => compareText(dates[b]!, dates[a]!) || compareText(ids[a]!, ids[b]!),
  );
  return Uint32Array.from(order);
}

function* articleListSteps(library: Library): Generator<void, ArticleItems, void> {
  // The order may come with the library's cache (storedLookups.ts); the items are made as they are read.
  const order = yield* articleOrderIndex.stepsOf(library);
  return new ArticleItems(library.corpus.articles, order);
}

/**
 * The article as /sources lists it: as `articleHeadline` and `headlineFields` name it (its opening words
 * read once), with its outlet, link and photo credit, and a citation of its first sentence. Fields are
 * added in the order the JSON answer shows them.
 */
function articleItem(article: Article): AnswerItem {
  const first = article.paragraphs.numbered(1);
  const firstSentence = first?.sentences[0]?.text ?? first?.text;
  const { title, source, url, credit } = article.meta;
  const opening = title ? undefined : openingWords(article);
  const item: AnswerItem = {
    kind: 'article',
    date: article.date.text,
    summary: title ?? untitledHeadline(opening ?? openingWords(article)),
    paragraphs: article.paragraphs.length,
    ...(title ? { title } : { opening: opening! }),
    ...(source ? { source } : {}),
    ...(url ? { url } : {}),
    ...(credit ? { credit } : {}),
    citations: first && firstSentence ? [citationFor(article, first, firstSentence)] : [],
  };
  return item;
}
