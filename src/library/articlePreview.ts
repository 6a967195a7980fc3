// What a moderator is shown before an article enters or leaves the library: the article's facts,
// the meetings and agreements the library build will extract from it (the same extraction), and
// for a replacement what changes.
import { extractAgreements } from '../extract/extractAgreements.ts';
import { extractMeetings } from '../extract/extractMeetings.ts';
import type { AgreementItem, MeetingItem } from '../extract/items.ts';
import type { Article } from '../corpus/types.ts';

export interface ArticlePreview {
  article: Article;
  meetings: MeetingItem[];
  agreements: AgreementItem[];
}

export function previewArticle(article: Article): ArticlePreview {
  const meetings = extractMeetings(article);
  return { article, meetings, agreements: extractAgreements(article, meetings) };
}

export interface FieldChange {
  field: 'date' | 'title' | 'source' | 'url' | 'credit' | 'lang' | 'format';
  before: string;
  after: string;
}

export interface ArticleChanges {
  fields: FieldChange[];
  paragraphs: {
    before: number;
    after: number;
    /** Paragraphs of the new version whose text the old one did not have (new or edited), by number. */
    newOrEdited: number[];
    /** How many of the old version's paragraphs are gone (removed or edited). */
    gone: number;
  };
  meetings: { before: number; after: number };
  agreements: { before: number; after: number };
}

/** What replacing `before` with `after` changes, as a moderator would check it. */
export function compareArticles(before: ArticlePreview, after: ArticlePreview): ArticleChanges {
  const fields: FieldChange[] = [];
  const note = (field: FieldChange['field'], a: string | undefined, b: string | undefined) => {
    if ((a ?? '') !== (b ?? '')) fields.push({ field, before: a ?? '', after: b ?? '' });
  };
  note('date', before.article.date.text, after.article.date.text);
  note('format', before.article.format, after.article.format);
  for (const key of ['title', 'source', 'url', 'credit', 'lang'] as const) note(key, before.article.meta[key], after.article.meta[key]);

  const oldTexts = countTexts(before.article);
  const newTexts = countTexts(after.article);
  const newOrEdited: number[] = [];
  const remaining = new Map(oldTexts);
  for (const paragraph of after.article.paragraphs) {
    const left = remaining.get(paragraph.text) ?? 0;
    if (left > 0) remaining.set(paragraph.text, left - 1);
    else newOrEdited.push(paragraph.number);
  }
  let gone = 0;
  for (const [text, count] of oldTexts) gone += Math.max(0, count - (newTexts.get(text) ?? 0));

  return {
    fields,
    paragraphs: { before: before.article.paragraphs.length, after: after.article.paragraphs.length, newOrEdited, gone },
    meetings: { before: before.meetings.length, after: after.meetings.length },
    agreements: { before: before.agreements.length, after: after.agreements.length },
  };
}

function countTexts(article: Article): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paragraph of article.paragraphs) counts.set(paragraph.text, (counts.get(paragraph.text) ?? 0) + 1);
  return counts;
}

/** True when the replacement would change nothing a member could see. */
export function changesNothing(changes: ArticleChanges): boolean {
  return changes.fields.length === 0 && changes.paragraphs.newOrEdited.length === 0 && changes.paragraphs.gone === 0;
}
