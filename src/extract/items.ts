// The items every answer is made of: meetings and agreements found when the library is built, and the
// passages and articles the engines pick at query time, each with its verbatim citations. Extraction
// makes them, so they live here, below the library and the engines that pass them on.

/** A span of a quote to show in bold (the words that matched), as offsets into `quote`. */
export interface Highlight {
  start: number;
  end: number;
}

export interface Citation {
  articleId: string;
  /** The article's date as `2025-06` or `2025-06-24`. */
  date: string;
  /** 1-based paragraph number within the article. */
  paragraph: number;
  /** An exact substring of the article's NFC body. */
  quote: string;
  /** The outlet that published the article, when the article says. */
  source?: string;
  /** The article's headline, when it has one (an article without one is "untitled", never its first words). */
  title?: string;
  /** The source link, when the article has one. */
  url?: string;
  highlights?: Highlight[];
}

export interface Person {
  /** Full name as the article first gives it, e.g. `Mark Rutte`. */
  name: string;
  /** Title as the article gives it, e.g. `Tổng thư ký NATO`. */
  role?: string;
}

/** Meetings and agreements: told as done, or only planned (`sẽ`, `dự kiến`, `theo kế hoạch`). */
export type ItemStatus = 'held' | 'planned';

/** What every item has: when, one line saying what it is, and the verbatim quotes behind it. */
interface ItemBase {
  /** When it happened: `2025-06-24` when the text gives the day, else the article's `2025-06`. */
  date: string;
  /** One line: who/when/where, or what was agreed, or an article's title. */
  summary: string;
  citations: Citation[];
}

/** A meeting (or phone call) extracted when the library is built: `/who-met`, and `/ask` about meetings. */
export interface MeetingItem extends ItemBase {
  kind: 'meeting';
  /** Held, or planned (shown apart, under their own heading). */
  status: ItemStatus;
  /** `call` for a phone call (`điện đàm`), else `meeting`. */
  meetingKind: 'meeting' | 'call';
  /** Who took part. */
  participants: Person[];
  place?: string;
}

/** What was agreed, adopted, committed to or signed: `/agreements`, and `/ask` about agreements. */
export interface AgreementItem extends ItemBase {
  kind: 'agreement';
  status: ItemStatus;
  /** Who agreed, when the text names them. */
  parties?: Person[];
}

/** The article an item quotes: its headline, or, when it has none, its first words (to recognise it by; not a headline). */
export type ArticleNaming = { title: string; opening?: never } | { opening: string; title?: never };

/** A paragraph (or one sentence of it) that answers: `/ask` and `/cite`. */
export type PassageItem = ItemBase &
  ArticleNaming & {
    kind: 'passage';
    /** Relevance score, higher is better (`/ask` only). */
    score?: number;
    /** The question's words, as typed, that this passage does not contain. */
    missingWords?: string[];
  };

/** An article of the library: `/sources`. */
export type ArticleItem = ItemBase &
  ArticleNaming & {
    kind: 'article';
    /** How many paragraphs the article has. */
    paragraphs: number;
    /** The outlet and link of the article, when it says. */
    source?: string;
    url?: string;
    /** The photo credit: who took the photo, not the outlet. */
    credit?: string;
  };

/** Every item an answer is made of; `kind` says which fields it has. */
export type AnswerItem = MeetingItem | AgreementItem | PassageItem | ArticleItem;

export type AnswerItemKind = AnswerItem['kind'];
