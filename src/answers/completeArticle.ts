// Suggestions for an option that names a whole article (`/library remove id`): ids starting with
// what was typed, then articles whose title or first words hold every typed word (accents optional).
import { articleHeadline } from '../library/articleHeadline.ts';
import { fitChoiceName, MAX_CHOICE_LENGTH, MAX_CHOICES, type Choice } from './autocomplete.ts';
import type { Library } from '../library/library.ts';
import { articleIdsStartingWith } from '../library/lookups/articleIds.ts';
import { foldedWords } from '../text/matchText.ts';

export function completeArticle(library: Library, typed: string): Choice[] {
  const query = typed.trim();
  const chosen = new Set<string>();
  const choices: Choice[] = [];
  const add = (articleId: string) => {
    const article = library.articlesById.get(articleId);
    // A value cut short would name another article: such an id cannot be offered.
    if (!article || chosen.has(articleId) || articleId.length > MAX_CHOICE_LENGTH) return;
    chosen.add(articleId);
    choices.push({ name: fitChoiceName(`${articleId} · ${article.date.text} · ${articleHeadline(article)}`), value: articleId });
  };

  if (query === '') {
    // Newest first: the article a moderator just added is the one most often taken back out.
    for (const article of [...library.corpus.articles].sort((a, b) => b.date.text.localeCompare(a.date.text))) {
      if (choices.length >= MAX_CHOICES) break;
      add(article.id);
    }
    return choices;
  }
  for (const articleId of articleIdsStartingWith(library, query, MAX_CHOICES)) add(articleId);
  const words = foldedWords(query);
  if (words.length === 0) return choices;
  for (const article of library.corpus.articles) {
    if (choices.length >= MAX_CHOICES) break;
    const headline = new Set(foldedWords(`${article.id} ${articleHeadline(article)} ${article.meta.source ?? ''}`));
    const headlineText = [...headline].join(' ');
    // Every word typed; the last may be unfinished.
    const matches = words.every((word, index) => headline.has(word) || (index === words.length - 1 && headlineText.includes(word)));
    if (matches) add(article.id);
  }
  return choices;
}
