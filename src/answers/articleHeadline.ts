// How an article is named in a list: its title when it has one, else its first words.
import type { Article } from '../corpus/types.ts';

const HEADLINE_WORDS = 12;

export function articleHeadline(article: Article): string {
  if (article.meta.title) return article.meta.title;
  const words = article.body.split(/\s+/).filter(Boolean);
  const head = words.slice(0, HEADLINE_WORDS).join(' ');
  return words.length > HEADLINE_WORDS ? `${head}…` : head;
}
