// Where a quote comes from, as every citation names it: the outlet, the headline and the link of its
// article (whichever the article has), beside the date and paragraph each citation already carries.
import type { Article, Paragraph } from '../corpus/types.ts';
import type { AnswerItem, Citation } from '../extract/items.ts';

export function sourceFields(article: Article): Pick<Citation, 'source' | 'title' | 'url'> {
  const { source, title, url } = article.meta;
  return { ...(source ? { source } : {}), ...(title ? { title } : {}), ...(url ? { url } : {}) };
}

/** Names the source on the citations of items extracted from `article` (they are the library's own). */
export function addSources(items: readonly AnswerItem[], article: Article): void {
  const fields = sourceFields(article);
  if (Object.keys(fields).length === 0) return;
  for (const item of items) {
    for (const citation of item.citations) if (citation.articleId === article.id) Object.assign(citation, fields);
  }
}

/** A citation of `quote` in `paragraph` of `article`, naming its source, with the words to show in bold. */
export function citationFor(article: Article, paragraph: Paragraph, quote: string, highlights: Citation['highlights'] = []) {
  return {
    articleId: article.id,
    date: article.date.text,
    paragraph: paragraph.number,
    quote,
    ...sourceFields(article),
    ...(highlights && highlights.length > 0 ? { highlights } : {}),
  };
}
