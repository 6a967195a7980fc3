// Which paragraph each document of the index is, and what the filters ask of it, as typed columns. An
// object per paragraph (`{article, paragraph}`) and an array of documents per article were a million
// and 87k more objects for V8's collector to walk at 1M paragraphs, where a reload holds two libraries
// and the collector's pauses blocked the event loop for more than 100 ms (issue 15). The columns are a
// handful of objects at any size; the few documents a query shows are read back through `articleAt`
// and `paragraphAt`.

import type { Article, Paragraph } from '../corpus/types.ts';
import type { DocumentIdTable } from './documentIdTable.ts';

export interface DocumentParagraphs {
  /** The articles the index shows, those it was given. */
  articles: readonly Article[];
  /** Per document, its article's index in `articles`, or -1 when its paragraph is not shown. */
  articleOfDocument: Int32Array;
  /** Per document, its paragraph's number in that article's `paragraphs`. */
  paragraphOfDocument: Uint32Array;
  /** Per document, what the filters ask (1 when the paragraph is shown), read on every candidate. */
  shownByDocument: Uint8Array;
  yearByDocument: Int32Array;
  monthByDocument: Int32Array;
  /** Article id → index in `articles` (of the last article of that id, as a map from id to article keeps). */
  articleIndexById: ReadonlyMap<string, number>;
  /**
   * The shown documents, in order, grouped by article id: those of the id at `articleIndexById` `i` are
   * `documentsByArticle` from `documentsByArticleStarts[i]` to `documentsByArticleStarts[i + 1]`.
   */
  documentsByArticleStarts: Uint32Array;
  documentsByArticle: Uint32Array;
}

export function paragraphDocumentId(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

/** The article of a document, when its paragraph is shown. */
export function articleAt(columns: DocumentParagraphs, document: number): Article | undefined {
  const article = columns.articleOfDocument[document]!;
  return article < 0 ? undefined : columns.articles[article];
}

/** The paragraph of a document, when it is shown. */
export function paragraphAt(columns: DocumentParagraphs, document: number): Paragraph | undefined {
  return articleAt(columns, document)?.paragraphs.numbered(columns.paragraphOfDocument[document]!);
}

const NO_DOCUMENTS = new Uint32Array(0);

/** The shown documents of the article with that id, in order. */
export function documentsOfArticle(columns: DocumentParagraphs, articleId: string): Uint32Array {
  const index = columns.articleIndexById.get(articleId);
  if (index === undefined) return NO_DOCUMENTS;
  const starts = columns.documentsByArticleStarts;
  return columns.documentsByArticle.subarray(starts[index]!, starts[index + 1]!);
}

/** Where a document's paragraph was found: its article's index and its number. */
interface Place {
  article: number;
  paragraph: number;
}

/** Where the paragraph a document id (`articleId#number`, see {@link paragraphDocumentId}) names is, if anywhere. */
function placeOf(documentId: string, articles: readonly Article[], articleIndexById: ReadonlyMap<string, number>): Place | undefined {
  const hash = documentId.lastIndexOf('#');
  const index = articleIndexById.get(documentId.slice(0, hash));
  if (hash < 0 || index === undefined) return undefined;
  const article = articles[index]!;
  const number = Number(documentId.slice(hash + 1));
  // `#05` and `#5.0` name no paragraph: the id must be the one the paragraph's number makes.
  return article.paragraphs.numbered(number) !== undefined && paragraphDocumentId(article.id, number) === documentId
    ? { article: index, paragraph: number }
    : undefined;
}

/** The columns as they are filled, a slice at a time, and what the filling needs. */
interface Finding extends DocumentParagraphs {
  documentIds: DocumentIdTable;
  /**
   * Per article, the index its documents are grouped under (its id's in `articleIndexById`): itself,
   * unless another article has its id. Articles of one id share one list, as they did in a map by id.
   */
  groupOfArticle: Uint32Array;
  /** Per group, its shown documents: counted while finding, then where the next one goes. */
  groupNext: Uint32Array;
  /** Where the next document's paragraph is expected: the article and paragraph after the last found. */
  nextArticle: number;
  nextParagraph: number;
}

/**
 * Finds the paragraphs of documents `from` to `to`. A function of its own, called a slice at a time,
 * not a loop inside the generator below: V8 optimizes a loop inside a generator only when the generator
 * is entered again, and at 1M paragraphs this loop ran unoptimized for most of its 0.7 s.
 */
function findParagraphs(finding: Finding, from: number, to: number): void {
  const { documentIds, articles, articleIndexById, articleOfDocument, paragraphOfDocument } = finding;
  const { shownByDocument, yearByDocument, monthByDocument, groupOfArticle, groupNext } = finding;
  // Paragraphs are indexed article by article, so each id is most often the next paragraph's: checked
  // as that without cutting the id apart, and looked up only when it is not.
  let { nextArticle, nextParagraph } = finding;
  for (let shortId = from; shortId < to; shortId++) {
    while (nextArticle < articles.length && nextParagraph > articles[nextArticle]!.paragraphs.length) {
      nextArticle++;
      nextParagraph = 1;
    }
    const next = nextArticle < articles.length ? articles[nextArticle]! : undefined;
    let article: number;
    if (next && documentIds.names(shortId, next.id, nextParagraph)) {
      article = nextArticle;
      paragraphOfDocument[shortId] = nextParagraph++;
    } else {
      const place = placeOf(documentIds.at(shortId), articles, articleIndexById);
      if (!place) continue; // an index built from other articles: that paragraph is not shown
      article = place.article;
      paragraphOfDocument[shortId] = place.paragraph;
    }
    articleOfDocument[shortId] = article;
    shownByDocument[shortId] = 1;
    const { date } = articles[article]!;
    yearByDocument[shortId] = date.year;
    monthByDocument[shortId] = date.month;
    groupNext[groupOfArticle[article]!]!++;
  }
  finding.nextArticle = nextArticle;
  finding.nextParagraph = nextParagraph;
}

/** Lists documents `from` to `to` under their articles' groups, once every group's count is known. */
function groupDocuments(finding: Finding, from: number, to: number): void {
  const { articleOfDocument, groupOfArticle, groupNext, documentsByArticle } = finding;
  for (let document = from; document < to; document++) {
    const article = articleOfDocument[document]!;
    if (article >= 0) documentsByArticle[groupNext[groupOfArticle[article]!]!++] = document;
  }
}

/** Finds every document's paragraph among `articles`; it yields every `stepSize` documents, so a loader can pause. */
export function* findDocumentParagraphs(
  documentIds: DocumentIdTable,
  articles: readonly Article[],
  stepSize: number,
): Generator<void, DocumentParagraphs, void> {
  const size = documentIds.length;
  const { articleIndexById, groupOfArticle } = yield* groupSteps(articles, stepSize);
  const finding: Finding = {
    documentIds,
    articles,
    articleOfDocument: new Int32Array(size).fill(-1),
    paragraphOfDocument: new Uint32Array(size),
    shownByDocument: new Uint8Array(size),
    yearByDocument: new Int32Array(size),
    monthByDocument: new Int32Array(size),
    articleIndexById,
    documentsByArticleStarts: new Uint32Array(articles.length + 1),
    documentsByArticle: NO_DOCUMENTS,
    groupOfArticle,
    groupNext: new Uint32Array(articles.length),
    nextArticle: 0,
    nextParagraph: 1,
  };
  for (let from = 0; from < size; from += stepSize) {
    findParagraphs(finding, from, Math.min(from + stepSize, size));
    yield;
  }
  startLists(finding);
  for (let from = 0; from < size; from += stepSize) {
    groupDocuments(finding, from, Math.min(from + stepSize, size));
    yield;
  }
  const {
    documentIds: _ids,
    groupOfArticle: _groups,
    groupNext: _next,
    nextArticle: _article,
    nextParagraph: _paragraph,
    ...columns
  } = finding;
  return columns;
}

/** Each article's group, yielding every `stepSize` articles: at 87k articles (1M paragraphs) the map took 20 ms. */
function* groupSteps(
  articles: readonly Article[],
  stepSize: number,
): Generator<void, Pick<Finding, 'articleIndexById' | 'groupOfArticle'>, void> {
  const articleIndexById = new Map<string, number>();
  for (let index = 0; index < articles.length; index++) {
    articleIndexById.set(articles[index]!.id, index);
    if (index % stepSize === stepSize - 1) yield;
  }
  const groupOfArticle = new Uint32Array(articles.length);
  for (let index = 0; index < articles.length; index++) {
    groupOfArticle[index] = articleIndexById.get(articles[index]!.id)!;
    if (index % stepSize === stepSize - 1) yield;
  }
  return { articleIndexById, groupOfArticle };
}

/** Turns each group's count of documents into where its list starts, and where its next document goes. */
function startLists(finding: Finding): void {
  const { documentsByArticleStarts: starts, groupNext } = finding;
  const groups = groupNext.length;
  for (let group = 0; group < groups; group++) {
    starts[group + 1] = starts[group]! + groupNext[group]!;
    groupNext[group] = starts[group]!;
  }
  finding.documentsByArticle = new Uint32Array(starts[groups]!);
}
