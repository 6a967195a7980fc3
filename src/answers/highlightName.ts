// Marks where a typed name or topic occurs in an item's quotes, for the bold in replies.
import type { AnswerItem, Highlight, ItemList } from './answer.ts';
import { type ItemsByPosition, ItemsAtPositions } from './itemsAtPositions.ts';
import type { Citation } from '../extract/items.ts';
import { BoundedMap } from '../text/boundedMap.ts';
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
 * each read from `list` when it is read. `positions` are copied (they may be a lookup's scratch space)
 * unless `positionsStay`: they are then never changed after (a lookup's own list, or an array made for
 * this answer), and a copy of thousands of positions on every command is spared. The bolded copies are kept and shared by later answers (see `boldedFor`): never to be changed.
 */
export function highlightedItemsAt(
  list: ItemsByPosition,
  positions: Uint32Array,
  typed: string,
  after: readonly AnswerItem[] = [],
  positionsStay = false,
): ItemList {
  const count = Math.min(HIGHLIGHTED_RESULTS, positions.length);
  // Of its exact size: pushing twenty items grew an array twice.
  const leading = new Array<AnswerItem>(count);
  if (count > 0) {
    const bolded = boldedFor(list, typed);
    for (let i = 0; i < count; i++) {
      const position = positions[i]!;
      let copy = bolded.copyAt.get(position);
      if (!copy) {
        if (bolded.copyAt.size >= COPIES_KEPT_PER_TEXT) bolded.copyAt.clear();
        bolded.copyAt.set(position, (copy = withHighlights(list.at(position)!, bolded.highlight)));
      }
      leading[i] = copy;
    }
  }
  return new ItemsAtPositions(list, positionsStay ? positions : positions.slice(), leading, after);
}

/** One typed text's highlighter over one list, and the bolded copies it made, by position in the list. */
interface Bolded {
  highlight: (text: string) => Highlight[];
  copyAt: Map<number, AnswerItem>;
}

/**
 * What each typed text bolded, per list (a library's meetings, its agreements): the same names come
 * back with every page press and every member asking about them, and analysing the text and bolding
 * twenty items' quotes again was most of what a /who-met with a person allocated (at 1M paragraphs
 * the collections of that garbage made its slowest calls). A new library has new lists, so nothing
 * bolded from an old one is ever shown.
 */
const boldedByList = new WeakMap<ItemsByPosition, BoundedMap<string, Bolded>>();
/** Typed texts kept per list: the names asked lately. */
const TYPED_TEXTS_KEPT = 64;
/** Bolded copies kept per typed text: the first results of its years and months, several times over. */
const COPIES_KEPT_PER_TEXT = 256;

function boldedFor(list: ItemsByPosition, typed: string): Bolded {
  let byTyped = boldedByList.get(list);
  if (!byTyped) boldedByList.set(list, (byTyped = new BoundedMap(TYPED_TEXTS_KEPT)));
  let bolded = byTyped.get(typed);
  if (!bolded) byTyped.set(typed, (bolded = { highlight: createHighlighter(typed), copyAt: new Map() }));
  return bolded;
}

function withHighlights<Item extends AnswerItem>(item: Item, highlight: (text: string) => Highlight[]): Item {
  // The citations are copied only when one of them is bolded (a loop: `map` made a closure per item).
  let citations: Citation[] | undefined;
  const bolded = Math.min(HIGHLIGHTED_QUOTES_PER_RESULT, item.citations.length);
  for (let i = 0; i < bolded; i++) {
    const citation = item.citations[i]!;
    const highlights = highlight(citation.quote);
    if (highlights.length === 0) continue;
    citations ??= item.citations.slice();
    citations[i] = { ...citation, highlights };
  }
  return { ...item, citations: citations ?? item.citations };
}
