// The /cite citation in the standard plain form, as a code block in the message text: what is inside a
// code block is shown and copied exactly as written (no markdown, no escapes), on desktop and mobile.
import type { Citation } from '../answers/answer.ts';
import { citationReference, plainCitation } from '../answers/citationText.ts';
import { ELLIPSIS, cutPoint, escapeMarkdown } from './markdown.ts';

const FENCE = '```';

/**
 * `“quote” — Outlet, “Headline”, 2025-06-24, ¶5, link` within `max` characters, fences included. A quote
 * too long for the room is cut at a sentence or word boundary and marked `…`; undefined if even the
 * reference does not fit.
 */
export function pasteBlock(citation: Citation, max: number): string | undefined {
  const wrap = (text: string) => (text.includes(FENCE) ? escapeMarkdown(text) : `${FENCE}\n${text}\n${FENCE}`);
  const whole = wrap(plainCitation(citation));
  if (whole.length <= max) return whole;
  const bare = plainCitation(citation, '').length + ELLIPSIS.length + 2 * (FENCE.length + 1);
  const room = max - bare;
  if (room < 20) return undefined;
  // Escaping (only when the text holds a fence) may lengthen it: shrink until it fits.
  for (let budget = room; budget >= 20; budget -= 20) {
    const kept = citation.quote.slice(0, cutPoint(citation.quote, budget)).trimEnd();
    const block = wrap(`“${kept}${ELLIPSIS}” — ${citationReference(citation)}`);
    if (block.length <= max) return block;
  }
  return undefined;
}
