// The JSON line `--json` and `--batch` print for an Answer. The "nothing found" reason is structured
// (`nothingFound`), and its English wording stays beside it as `message`, where the JSON always had it.
// Fields come in one fixed order whichever way the library was made (built just now in this thread, or
// read back from the cache), so the same question prints the same line on every run.
import type { Answer, AnswerItem, Citation } from '../answers/answer.ts';
import { nothingFoundText } from './nothingFoundText.ts';

export function answerJson(answer: Answer): string {
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) {
    // The field order of the JSON before the reason was structured: `message` where the engines set it.
    if (key === 'nothingFound') ordered.message = nothingFoundText(answer);
    ordered[key] = key === 'items' ? Array.from(answer.items, orderedItem) : value;
  }
  return JSON.stringify(ordered);
}

/**
 * A meeting or an agreement (the items the library keeps): `kind`, `date`, `summary`, `citations`
 * first, then the rest as they come, the order the cache gives them. Passages and articles are made
 * for each answer and keep the order their engine writes.
 */
function orderedItem(item: AnswerItem): AnswerItem | Record<string, unknown> {
  if (item.kind !== 'meeting' && item.kind !== 'agreement') return item;
  const { kind, date, summary, citations, ...rest } = item;
  return { kind, date, summary, citations: citations.map(orderedCitation), ...rest };
}

function orderedCitation(citation: Citation): Record<string, unknown> {
  const { articleId, date, paragraph, quote, ...rest } = citation;
  return { articleId, date, paragraph, quote, ...rest };
}
