// Marks where a typed name or topic occurs in an item's quotes, for the bold in replies.
import type { AnswerItem, Highlight } from './answer.ts';
import { highlightSpans } from '../search/highlight.ts';

/**
 * Bold is computed for this many results only: more than a member pages through in practice, and
 * on a large corpus a name can match thousands of meetings that would otherwise all be tokenised.
 */
export const HIGHLIGHTED_RESULTS = 50;

export function highlightName(item: AnswerItem, typed: string): AnswerItem {
  return {
    ...item,
    citations: item.citations.map((citation) => {
      const highlights: Highlight[] = highlightSpans(citation.quote, typed);
      return highlights.length > 0 ? { ...citation, highlights } : citation;
    }),
  };
}
