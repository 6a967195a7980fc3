// The shapes a loaded corpus takes. Every text field here is NFC-normalised and every
// `text` is an exact slice of `Article.body`, so a quote can always be checked against its source.

export interface ArticleMeta {
  title?: string;
  source?: string;
  url?: string;
  credit?: string;
  lang?: string;
}

/** One sentence of a paragraph: `text === article.body.slice(start, end)`. */
export interface Sentence {
  /** 1-based position within its paragraph. */
  number: number;
  text: string;
  start: number;
  end: number;
}

/** One paragraph: `text === article.body.slice(start, end)`; numbered from 1 within its article. */
export interface Paragraph {
  articleId: string;
  number: number;
  text: string;
  start: number;
  end: number;
  sentences: Sentence[];
}

/**
 * An article's paragraphs, numbered 1 to `length` in order. A list rather than an array: an article read
 * back from the cache makes a paragraph only when asked, from offsets in typed arrays. At 1M paragraphs an
 * object per paragraph was a million objects that every full collection walked, twice during a reload.
 */
export interface ParagraphList extends Iterable<Paragraph> {
  readonly length: number;
  /** Paragraph `number` (1 to `length`), or undefined for any other number. */
  numbered(number: number): Paragraph | undefined;
}

export interface ArticleDate {
  year: number;
  month: number;
  day?: number;
  /** As a citation shows it: `2025-06` or `2025-06-24`. */
  text: string;
}

export interface Article {
  /** File name without its extension, e.g. `001_03677d34c6a97d66`. */
  id: string;
  /** File name relative to the corpus folder, e.g. `001_03677d34c6a97d66.txt`. */
  file: string;
  format: 'text' | 'markdown';
  date: ArticleDate;
  meta: ArticleMeta;
  /** The article's body, NFC-normalised, exactly as quotes are cut from it. */
  body: string;
  /** 1-based line of the file on which `body` starts (for `file:line` messages). */
  bodyLine: number;
  paragraphs: ParagraphList;
  /** sha256 of the file's bytes: tells a reload which articles changed. */
  hash: string;
}

/** English ↔ Vietnamese phrases that mean the same, from `corpus/glossary.json`. */
export interface GlossaryEntry {
  en: string[];
  vi: string[];
}

export interface Corpus {
  articles: Article[];
  glossary: GlossaryEntry[];
}

export interface CorpusError {
  file: string;
  line: number;
  reason: string;
}

/** A file of the folder that is deliberately not loaded (wrong type, sub-folder, dotfile), and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * `skipped`: files not loaded on purpose. `problems`: files left out for their errors, only when the
 * caller asked to skip invalid files (otherwise any error makes the load fail).
 */
export type LoadResult =
  | { ok: true; corpus: Corpus; skipped: SkippedFile[]; problems: CorpusError[] }
  | { ok: false; errors: CorpusError[]; skipped: SkippedFile[] };

export function formatCorpusError(error: CorpusError): string {
  return `${error.file}:${error.line}: ${error.reason}`;
}
