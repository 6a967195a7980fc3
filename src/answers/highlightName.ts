// Marks where a typed name or topic occurs in an item's quotes, for the bold in replies.
import type { AnswerItem, Highlight } from './answer.ts';
import { createHighlighter } from '../search/highlight.ts';

/**
 * Bold is computed for this many results only: more than a member pages through in practice, and
 * on a large corpus a name can match thousands of meetings that would otherwise all be tokenised.
 */
export const HIGHLIGHTED_RESULTS = 20;

/** Bolds what was typed in the quotes of the first HIGHLIGHTED_RESULTS items; the rest are kept as they are. */
export function highlightFirstResults(items: readonly AnswerItem[], typed: string): AnswerItem[] {
  const highlight = createHighlighter(typed);
  const highlighted = items.slice();
  for (let i = 0; i < Math.min(HIGHLIGHTED_RESULTS, items.length); i++) highlighted[i] = withHighlights(items[i]!, highlight);
  return highlighted;
}

function withHighlights(item: AnswerItem, highlight: (text: string) => Highlight[]): AnswerItem {
  return {
    ...item,
    citations: item.citations.map((citation) => {
      const highlights = highlight(citation.quote);
      return highlights.length > 0 ? { ...citation, highlights } : citation;
    }),
  };
}
