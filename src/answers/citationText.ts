// One standard plain-text form of a citation, to paste into a discussion anywhere:
//   “quote” — Outlet, “Headline”, 2025-06-24, ¶5, https://…
// leaving out what the article lacks. Without a link, the paragraph id (`article#5`, what /cite takes)
// stands in its place, so the quote can always be found again.
import type { Citation } from './answer.ts';

export function paragraphId(articleId: string, paragraph: number): string {
  return `${articleId}#${paragraph}`;
}

/** `Outlet, “Headline”, 2025-06-24, ¶5, link`: everything after the dash. */
export function citationReference(citation: Citation): string {
  const parts: string[] = [];
  if (citation.source) parts.push(citation.source);
  if (citation.title) parts.push(`“${citation.title}”`);
  parts.push(citation.date, `¶${citation.paragraph}`);
  parts.push(citation.url ?? paragraphId(citation.articleId, citation.paragraph));
  return parts.join(', ');
}

/** `“quote” — Outlet, “Headline”, 2025-06-24, ¶5, link` with the quote word for word. */
export function plainCitation(citation: Citation, quote = citation.quote): string {
  return `“${quote}” — ${citationReference(citation)}`;
}
