// Renders an Answer as plain text for the terminal: the same facts the Discord reply shows.
import type { Answer, AnswerItem, Citation, Person } from '../answers/answer.ts';
import { en } from '../locales/en.ts';
import { understandingLines } from '../locales/understandingLines.ts';
import { paragraphId, plainCitation } from '../answers/citationText.ts';
import { nothingFoundText } from './nothingFoundText.ts';

export function renderAnswerText(answer: Answer): string {
  const lines: string[] = [];
  const options = Object.entries(answer.options)
    .map(([name, value]) => `${name}:${value}`)
    .join(' ');
  lines.push(`/${answer.command}${options ? ` ${options}` : ''} — ${countLabel(answer)}`);
  lines.push(...understandingLines(answer.understood, en));
  let i = 0;
  let previous: AnswerItem | undefined;
  for (const item of answer.items) {
    // Planned meetings and agreements come last, under their own heading: never mixed with held ones.
    if (isPlanned(item) && !isPlanned(previous)) lines.push('', 'Planned (not yet held):');
    lines.push('', `${i + 1}. ${headline(item)}`);
    for (const citation of item.citations) lines.push(...quoteLines(citation));
    if (item.kind === 'passage' && item.missingWords && item.missingWords.length > 0) {
      lines.push(`   (${en.understood.missing}: ${item.missingWords.join(', ')})`);
    }
    previous = item;
    i++;
  }
  const cited = answer.command === 'cite' && answer.items.length === 1 ? answer.items.at(0)!.citations[0] : undefined;
  if (cited) lines.push('', 'Ready to paste:', plainCitation(cited));
  const nothingFound = nothingFoundText(answer);
  if (nothingFound) lines.push('', nothingFound);
  if (answer.suggestions && answer.suggestions.length > 0) lines.push(`Try: ${answer.suggestions.join(' · ')}`);
  return lines.join('\n');
}

function countLabel(answer: Answer): string {
  const n = answer.items.length;
  return n === 1 ? '1 result' : `${n} results`;
}

function isPlanned(item: AnswerItem | undefined): boolean {
  return (item?.kind === 'meeting' || item?.kind === 'agreement') && item.status === 'planned';
}

function people(list: Person[] | undefined): string {
  return (list ?? []).map((person) => (person.role ? `${person.name} (${person.role})` : person.name)).join(', ');
}

function headline(item: AnswerItem): string {
  switch (item.kind) {
    case 'meeting':
      return [
        `[${item.date}]${item.meetingKind === 'call' ? ' (phone call)' : ''} ${people(item.participants)}`,
        item.place ? `at ${item.place}` : '',
      ]
        .filter(Boolean)
        .join(' — ');
    case 'agreement':
      return `[${item.date}] ${item.parties && item.parties.length > 0 ? `${people(item.parties)}: ` : ''}${item.summary}`;
    case 'article':
      return `[${item.date}] ${item.source ? `${item.source}: ` : ''}${item.summary} (${item.paragraphs} paragraphs${item.credit ? `, photo credit: ${item.credit}` : ''})`;
    case 'passage':
      return `[${item.date}] ${item.summary}`;
  }
}

/** The quote, then its source: `— Outlet, “Headline”, 2025-06-24, ¶5, link · article#5` (untitled when it has no headline). */
function quoteLines(citation: Citation): string[] {
  const source = [
    citation.source,
    citation.title ? `“${citation.title}”` : 'untitled',
    citation.date,
    `¶${citation.paragraph}`,
    citation.url,
  ];
  const line = `   — ${source.filter(Boolean).join(', ')} · ${paragraphId(citation.articleId, citation.paragraph)}`;
  return [`   “${citation.quote}”`, line];
}
