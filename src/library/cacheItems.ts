// Meetings, agreements and people as the cache stores them: JSON with the same keys in the same order as
// the library's own items, but with numbers in place of text. Their own text (dates, summaries, names,
// titles, places) is an index into the library's table of strings (the `strings` section), each
// distinct string stored once: decoded items share one copy, as JSON.parse never would (a person
// appears in hundreds of meetings). What repeats an article is a reference to it: a citation's article
// is its index in the article list; its date, headline, outlet and link are `0` when they are the
// article's own; its quote is `[start, end]` in the article's body when it is that slice of it, so a
// decoded quote is a slice of the body (V8 keeps a slice as a reference into it).
//
// JSON of numbers and ASCII keys parses several times faster than JSON of Vietnamese text, and decoding
// checks by hand only the fields the engines read (zod on every item cost more than parsing).

import type { Article } from '../corpus/types.ts';
import type { StringList } from '../text/listByIndex.ts';
import type { AgreementItem, Citation, MeetingItem, Person } from '../extract/items.ts';

/** The citation fields an article may hold itself, and where it holds them. */
const ARTICLE_FIELDS = {
  date: (article: Article) => article.date.text,
  title: (article: Article) => article.meta.title,
  source: (article: Article) => article.meta.source,
  url: (article: Article) => article.meta.url,
} as const;
type ArticleField = keyof typeof ARTICLE_FIELDS;
const isArticleField = (key: string): key is ArticleField => Object.hasOwn(ARTICLE_FIELDS, key);

/** Each distinct string once, in the order first added: the `strings` section. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly indices = new Map<string, number>();

  add(text: string): number {
    let index = this.indices.get(text);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(text);
      this.indices.set(text, index);
    }
    return index;
  }
}

/** What the encoder refers items to: the articles (by index) and the table of strings. */
export interface ItemEncoding {
  articles: readonly Article[];
  articleIndexById: ReadonlyMap<string, number>;
  strings: StringTable;
}

/** An item with its text as numbers; its date (a number) is also stored in a column of its own. */
export function encodeItem(item: MeetingItem | AgreementItem, encoding: ItemEncoding): Record<string, unknown> & { date: number } {
  // Keys replaced in place keep their position: the decoded item has the built one's key order.
  const encoded: Record<string, unknown> & { date: number } = { ...item, date: encoding.strings.add(item.date) };
  encoded.summary = encoding.strings.add(item.summary);
  if (item.kind === 'meeting') {
    encoded.participants = item.participants.map((person) => encodePersonName(person, encoding.strings));
    if (item.place !== undefined) encoded.place = encoding.strings.add(item.place);
  } else if (item.parties !== undefined) {
    encoded.parties = item.parties.map((person) => encodePersonName(person, encoding.strings));
  }
  encoded.citations = item.citations.map((citation) => encodeCitation(citation, encoding));
  return encoded;
}

function encodePersonName<Entry extends Person>(person: Entry, strings: StringTable): Record<string, unknown> {
  const encoded = { ...person } as Record<string, unknown>;
  encoded.name = strings.add(person.name);
  if (person.role !== undefined) encoded.role = strings.add(person.role);
  return encoded;
}

function encodeCitation(citation: Citation, { articles, articleIndexById }: ItemEncoding): Record<string, unknown> {
  const index = articleIndexById.get(citation.articleId);
  if (index === undefined) return { ...citation };
  const article = articles[index]!;
  const encoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(citation)) {
    if (key === 'articleId') encoded[key] = index;
    else if (key === 'quote') encoded[key] = quoteSpan(article, citation) ?? value;
    else if (isArticleField(key) && typeof value === 'string' && value === ARTICLE_FIELDS[key](article)) encoded[key] = 0;
    else encoded[key] = value;
  }
  return encoded;
}

/** Where the quote sits in its article's body, searched from its paragraph on (as it was cut from it). */
function quoteSpan(article: Article, citation: Citation): [number, number] | undefined {
  const from = article.paragraphs.numbered(citation.paragraph)?.start ?? 0;
  let at = article.body.indexOf(citation.quote, from);
  if (at < 0) at = article.body.indexOf(citation.quote);
  return at < 0 ? undefined : [at, at + citation.quote.length];
}

export function encodePerson(person: Person, encoding: ItemEncoding): unknown {
  return encodePersonName(person, encoding.strings);
}

/** Turns parsed items back into the library's, in place; throws on anything that does not fit. */
export class ItemDecoder {
  constructor(
    private readonly articles: readonly Article[],
    private readonly strings: StringList,
  ) {}

  item<Kind extends 'meeting' | 'agreement'>(raw: unknown, kind: Kind): Kind extends 'meeting' ? MeetingItem : AgreementItem {
    const item = raw as MeetingItem | AgreementItem;
    if (!isRecord(raw) || item.kind !== kind || typeof item.status !== 'string') throw new Error(`cache: a ${kind} that does not fit`);
    item.date = this.string(item.date);
    item.summary = this.string(item.summary);
    if (!Array.isArray(item.citations)) throw new Error(`cache: a ${kind} without citations`);
    for (const citation of item.citations) this.citation(citation);
    if (item.kind === 'meeting') {
      if (typeof item.meetingKind !== 'string' || !Array.isArray(item.participants))
        throw new Error('cache: a meeting without participants');
      for (const person of item.participants) this.person(person);
      if (item.place !== undefined) item.place = this.string(item.place);
    } else if (item.parties !== undefined) {
      if (!Array.isArray(item.parties)) throw new Error('cache: an agreement whose parties are not a list');
      for (const person of item.parties) this.person(person);
    }
    return item as Kind extends 'meeting' ? MeetingItem : AgreementItem;
  }

  /**
   * One of `library.people` as its name's and its title's index in the table of strings (`noRole` for
   * none), checked to name strings; nothing else of it is kept.
   */
  personIds(raw: unknown, noRole: number): [name: number, role: number] {
    if (!isRecord(raw)) throw new Error('cache: a person that does not fit');
    const { name, role } = raw as { name: unknown; role?: unknown };
    this.string(name);
    if (role !== undefined) this.string(role);
    return [name as number, role === undefined ? noRole : (role as number)];
  }

  private person(raw: unknown): void {
    const person = raw as Person;
    if (!isRecord(raw)) throw new Error('cache: a person that does not fit');
    person.name = this.string(person.name);
    if (person.role !== undefined) person.role = this.string(person.role);
  }

  private citation(raw: unknown): void {
    if (!isRecord(raw)) throw new Error('cache: a citation that does not fit');
    const citation = raw as Record<string, unknown>;
    if (!Number.isInteger(citation.paragraph)) throw new Error('cache: a citation without its paragraph');
    if (typeof citation.articleId !== 'number') {
      // An article the library does not hold (never made by the builder): kept as written, checked.
      for (const key of ['articleId', 'date', 'quote'] as const)
        if (typeof citation[key] !== 'string') throw new Error('cache: a citation that does not fit');
      return;
    }
    const article = this.article(citation.articleId);
    citation.articleId = article.id;
    for (const key of Object.keys(ARTICLE_FIELDS) as ArticleField[]) {
      const value = citation[key];
      if (value === 0) {
        citation[key] = ARTICLE_FIELDS[key](article);
        if (citation[key] === undefined) throw new Error(`cache: a citation's ${key} that its article does not have`);
      } else if (value !== undefined && typeof value !== 'string') throw new Error('cache: a citation field that does not fit');
    }
    if (typeof citation.date !== 'string') throw new Error('cache: a citation without its date');
    const quote = citation.quote;
    if (Array.isArray(quote)) {
      const [start, end] = quote as unknown[];
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        (start as number) < 0 ||
        (end as number) < (start as number) ||
        (end as number) > article.body.length
      )
        throw new Error('cache: a quote outside its article');
      citation.quote = article.body.slice(start as number, end as number);
    } else if (typeof quote !== 'string') throw new Error('cache: a citation without its quote');
  }

  private article(index: unknown): Article {
    const article = typeof index === 'number' ? this.articles[index] : undefined;
    if (!article) throw new Error('cache: a reference to an unknown article');
    return article;
  }

  /** The string a text field names by its index in the table of strings. */
  private string(index: unknown): string {
    const text = typeof index === 'number' ? this.strings.get(index) : undefined;
    if (text === undefined) throw new Error('cache: a text field that names no string');
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
