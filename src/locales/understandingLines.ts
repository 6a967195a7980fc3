// How /ask read a question, as plain lines in the reader's language: the CLI prints them, the Discord
// renderer escapes them. One wording for both, from the structured `Answer.understood`.
import type { QuestionUnderstanding } from '../answers/answer.ts';
import type { Messages } from './en.ts';

export function understandingLines(understood: QuestionUnderstanding | undefined, t: Messages): string[] {
  if (!understood) return [];
  const labels = t.understood;
  const first: string[] = [];
  if (understood.answering !== 'passages') first.push(labels[understood.answering]);
  else if (understood.noneFound) first.push(labels.noneFound(understood.noneFound));
  if (understood.parties && understood.parties.length > 0) first.push(`${labels.parties}: ${understood.parties.join(', ')}`);
  if (understood.date) first.push(labels.date(understood.date.year, understood.date.month));
  if (understood.dateDropped) first.push(labels.dateDropped(understood.dateDropped.year, understood.dateDropped.month));
  if (understood.yearNotInLibrary !== undefined) first.push(labels.yearNotInLibrary(understood.yearNotInLibrary));
  const lines = first.length > 0 ? [first.join(' · ')] : [];
  if (understood.notFound && understood.notFound.length > 0) lines.push(`${labels.notFound}: ${understood.notFound.join(', ')}`);
  if (understood.translated && understood.translated.length > 0) {
    lines.push(
      `${labels.translated}: ${understood.translated.map(({ english, vietnamese }) => `${english} → ${vietnamese.join(' / ')}`).join('; ')}`,
    );
  }
  return lines;
}
