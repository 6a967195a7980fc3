// Marks where a typed name or topic occurs in an item's quotes, for the bold in replies.
import type { AnswerItem, Highlight, ItemList } from './answer.ts';
import { ItemsAtPositions } from './itemsAtPositions.ts';
import { createHighlighter } from './highlight.ts';

/**
 * Bold is computed for this many results only: more than a member pages through in practice, and
 * on a large corpus a name can match thousands of meetings that would otherwise all be tokenised.
 */
export const HIGHLIGHTED_RESULTS = 20;
/**
 * And in this many quotes of each: a meeting reported again and again keeps every report's quote (one
 * in a decade of news had 540), and bolding them all made `/who-met person:rutte` take 5-11 ms at 1M
 * paragraphs. Discord shows three quotes of an item; the rest are listed as they are.
 */
export const HIGHLIGHTED_QUOTES_PER_RESULT = 5;

/**
 * Bolds what was typed in the quotes of the first HIGHLIGHTED_RESULTS items (the first
 * HIGHLIGHTED_QUOTES_PER_RESULT quotes of each); the rest are kept as they
 * are. `items` must be an array the caller made for this answer: its first entries are replaced by
 * highlighted copies (the library's own items are never changed), which spares copying a list of
 * thousands on every command.
 */
export function highlightFirstResults<Item extends AnswerItem>(items: Item[], typed: string): Item[] {
  const highlight = createHighlighter(typed);
  for (let i = 0; i < Math.min(HIGHLIGHTED_RESULTS, items.length); i++) items[i] = withHighlights(items[i]!, highlight);
  return items;
}

/**
 * The items of `list` at `positions`, then those of `after`: the first HIGHLIGHTED_RESULTS of
 * `positions` with what was typed in bold (as `highlightFirstResults` does), the rest as they are,
 * each read from `list` when it is read (`positions` are copied: they may be a lookup's scratch space).
 */
export function highlightedItemsAt(
  list: readonly AnswerItem[],
  positions: Uint32Array,
  typed: string,
  after: readonly AnswerItem[] = [],
): ItemList {
  const leading: AnswerItem[] = [];
  if (positions.length > 0) {
    const highlight = createHighlighter(typed);
    for (let i = 0; i < Math.min(HIGHLIGHTED_RESULTS, positions.length); i++) leading.push(withHighlights(list[positions[i]!]!, highlight));
  }
  return new ItemsAtPositions(list, positions.slice(), leading, after);
}

function withHighlights<Item extends AnswerItem>(item: Item, highlight: (text: string) => Highlight[]): Item {
  return {
    ...item,
    citations: item.citations.map((citation, i) => {
      if (i >= HIGHLIGHTED_QUOTES_PER_RESULT) return citation;
      const highlights = highlight(citation.quote);
      return highlights.length > 0 ? { ...citation, highlights } : citation;
    }),
  };
}
