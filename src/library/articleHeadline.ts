// How an article is named in a list: its headline when it has one. Without one it is called untitled;
// its first words may be shown, but always labelled as its opening words, never as a headline.
import type { Article } from '../corpus/types.ts';
import type { ArticleNaming } from '../extract/items.ts';

const OPENING_WORDS = 12;

/** The article's first words, with `…` when it goes on. */
export function openingWords(article: Article): string {
  const words = article.body.split(/\s+/).filter(Boolean);
  const head = words.slice(0, OPENING_WORDS).join(' ');
  return words.length > OPENING_WORDS ? `${head}…` : head;
}

/** `Headline`, or `untitled article (opens “Thay mặt…”)`: for the English summaries of the CLI and JSON. */
export function articleHeadline(article: Article): string {
  return article.meta.title ?? `untitled article (opens “${openingWords(article)}”)`;
}

/** What an item says about the article it quotes: its `title`, or its `opening` words when it has none. */
export function headlineFields(article: Article): ArticleNaming {
  return article.meta.title ? { title: article.meta.title } : { opening: openingWords(article) };
}
