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

export type AnswerItemKind = 'meeting' | 'agreement' | 'passage' | 'article';

/** Meetings and agreements: told as done, or only planned (`sẽ`, `dự kiến`, `theo kế hoạch`). */
export type ItemStatus = 'held' | 'planned';

export interface AnswerItem {
  kind: AnswerItemKind;
  /** Meetings and agreements: held, or planned (shown apart, under their own heading). */
  status?: ItemStatus;
  /** Meetings: `call` for a phone call (`điện đàm`), else `meeting`. */
  meetingKind?: 'meeting' | 'call';
  /** When it happened: `2025-06-24` when the text gives the day, else the article's `2025-06`. */
  date: string;
  /** Meetings: who took part. */
  participants?: Person[];
  /** Agreements: who agreed, when the text names them. */
  parties?: Person[];
  place?: string;
  /** One line: who/when/where, or what was agreed, or an article's title. */
  summary: string;
  citations: Citation[];
  /** Articles (`/sources`): how many paragraphs, and the photo credit (who took the photo, not the outlet). */
  paragraphs?: number;
  credit?: string;
  /** Articles and passages: the outlet and link of the article, when it says. */
  source?: string;
  url?: string;
  /** Articles and passages: the article's headline… */
  title?: string;
  /** …or, when it has none, its first words (to recognise it by; not a headline). */
  opening?: string;
  /** Passages: relevance score, higher is better. */
  score?: number;
  /** Passages: the question's words, as typed, that this passage does not contain. */
  missingWords?: string[];
}
