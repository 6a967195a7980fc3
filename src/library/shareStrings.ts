// Decoded items repeat strings the library already holds: every citation names its article's id, date,
// headline, outlet and link, and quotes a stretch of its body; a person appears in hundreds of meetings
// and is named in thousands of articles. JSON.parse makes a new copy of each occurrence (at 1M
// paragraphs, hundreds of megabytes of copies); these functions point each one back at the one string
// already there. Values are only ever replaced by an equal string, so the items read exactly as before.

import type { Article } from '../corpus/types.ts';
import type { AgreementItem, Citation, MeetingItem, Person } from '../extract/items.ts';
import type { PersonEntry } from './library.ts';

/** One copy of each distinct string handed to it. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  share(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }
}

/** The item with its citations' strings taken from their articles and its names and places from `pool`. */
export function shareItemStrings<Item extends MeetingItem | AgreementItem>(
  item: Item,
  articlesById: ReadonlyMap<string, Article>,
  pool: StringPool,
): Item {
  item.date = pool.share(item.date);
  if (item.kind === 'meeting') {
    if (item.place !== undefined) item.place = pool.share(item.place);
    item.participants.forEach((person) => sharePerson(person, pool));
  } else {
    item.parties?.forEach((person) => sharePerson(person, pool));
  }
  for (const citation of item.citations) shareCitation(citation, articlesById.get(citation.articleId));
  return item;
}

export function sharePersonEntry(entry: PersonEntry, articlesById: ReadonlyMap<string, Article>, pool: StringPool): PersonEntry {
  sharePerson(entry, pool);
  entry.foldedName = pool.share(entry.foldedName);
  entry.articleIds = entry.articleIds.map((id) => articlesById.get(id)?.id ?? id);
  return entry;
}

function sharePerson(person: Person, pool: StringPool): void {
  person.name = pool.share(person.name);
  if (person.role !== undefined) person.role = pool.share(person.role);
}

function shareCitation(citation: Citation, article: Article | undefined): void {
  if (!article) return;
  const { date, meta, body } = article;
  citation.articleId = article.id;
  if (citation.date === date.text) citation.date = date.text;
  if (citation.title !== undefined && citation.title === meta.title) citation.title = meta.title;
  if (citation.source !== undefined && citation.source === meta.source) citation.source = meta.source;
  if (citation.url !== undefined && citation.url === meta.url) citation.url = meta.url;
  // The quote as a slice of the body it was cut from (V8 keeps a slice as a reference into the body).
  const from = article.paragraphs[citation.paragraph - 1]?.start ?? 0;
  const at = body.indexOf(citation.quote, from);
  if (at >= 0) citation.quote = body.slice(at, at + citation.quote.length);
}
