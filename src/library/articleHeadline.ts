// How an article is named in a list: its headline when it has one. Without one it is called untitled;
// its first words may be shown, but always labelled as its opening words, never as a headline.
import type { Article } from '../corpus/types.ts';
import type { ArticleNaming } from '../extract/items.ts';

const OPENING_WORDS = 12;

/**
 * The article's first words, with `…` when it goes on: words are what `/\s+/` separates, joined by one
 * space. Only the first OPENING_WORDS + 1 words are read (a body runs to thousands of words, and /sources
 * names every untitled article).
 */
export function openingWords(article: Article): string {
  const { body } = article;
  let count = 0;
  let headStart = 0;
  let headEnd = 0;
  // While every gap within the head is one plain space (the common case), the head is one slice of the body.
  let singleSpaced = true;
  let at = 0;
  while (count <= OPENING_WORDS) {
    const gapStart = at;
    while (at < body.length && isWhitespace(body.charCodeAt(at))) at++;
    if (at === body.length) break;
    if (count > 0 && count < OPENING_WORDS && (at - gapStart !== 1 || body.charCodeAt(gapStart) !== 0x20)) singleSpaced = false;
    if (count === 0) headStart = at;
    while (at < body.length && !isWhitespace(body.charCodeAt(at))) at++;
    if (count < OPENING_WORDS) headEnd = at;
    count++;
  }
  const headText = body.slice(headStart, headEnd);
  // The head starts and ends with a word: splitting it at whitespace leaves no empty word.
  const head = singleSpaced ? headText : headText.split(/\s+/).join(' ');
  return count > OPENING_WORDS ? `${head}…` : head;
}

/** Whether a UTF-16 unit is one that `\s` matches (none of them lies outside the first plane). */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `Headline`, or `untitled article (opens “Thay mặt…”)`: for the English summaries of the CLI and JSON. */
export function articleHeadline(article: Article): string {
  return article.meta.title ?? untitledHeadline(openingWords(article));
}

/** `untitled article (opens “Thay mặt…”)`, from the article's opening words. */
export function untitledHeadline(opening: string): string {
  return `untitled article (opens “${opening}”)`;
}

/** What an item says about the article it quotes: its `title`, or its `opening` words when it has none. */
export function headlineFields(article: Article): ArticleNaming {
  return article.meta.title ? { title: article.meta.title } : { opening: openingWords(article) };
}
