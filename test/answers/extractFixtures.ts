// Articles for the extraction tests: the bundled corpus as the bot loads it, our own fixture articles
// in `test/fixtures/articles/`, and one-off articles built from a few sentences.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { parseArticle } from '../../src/corpus/parseArticle.ts';
import type { Article } from '../../src/corpus/types.ts';
import type { AnswerItem } from '../../src/answers/answer.ts';

const corpusDir = fileURLToPath(new URL('../../corpus/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('../fixtures/articles/', import.meta.url));

export async function bundledArticle(startOfId: string): Promise<Article> {
  const loaded = await loadCorpus(corpusDir);
  if (!loaded.ok) throw new Error(`bundled corpus failed to load: ${JSON.stringify(loaded.errors)}`);
  const article = loaded.corpus.articles.find((candidate) => candidate.id.startsWith(startOfId));
  if (!article) throw new Error(`no bundled article ${startOfId}`);
  return article;
}

export function fixtureArticle(file: string): Article {
  const parsed = parseArticle(file, readFileSync(`${fixturesDir}${file}`));
  if (!parsed.ok) throw new Error(`fixture ${file} failed to parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.article;
}

/** An article made of the given paragraphs, dated `date` (`2024-05` or `2024-05-20`). */
export function articleOf(date: string, ...paragraphs: string[]): Article {
  const parsed = parseArticle('adhoc.txt', Buffer.from(` date ${date} Photo : test\n\n${paragraphs.join('\n')}\n`));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.article;
}

export function names(people: readonly { name: string }[] | undefined): string[] {
  return (people ?? []).map((person) => person.name);
}

/** There are items, and every citation must be checkable against the article word for word. */
export function expectVerbatimCitations(article: Article, items: readonly AnswerItem[]): void {
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    expect(item.citations.length).toBeGreaterThan(0);
    for (const citation of item.citations) {
      expect(article.body).toContain(citation.quote);
      expect(citation.articleId).toBe(article.id);
      expect(citation.date).toBe(article.date.text);
      const paragraph = [...article.paragraphs].find((candidate) => candidate.number === citation.paragraph);
      expect(paragraph?.text).toContain(citation.quote);
    }
  }
}
