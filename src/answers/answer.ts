// The one shape every command answers with. The CLI prints it, the Discord renderer turns it
// into embeds; neither adds facts of its own.

export type CommandName = 'who-met' | 'agreements' | 'ask' | 'sources' | 'cite';

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

/** A date a question named (`năm 2025`, `tháng 6/2025`, `last year`), as the words that said it. */
export interface NamedDate {
  year: number;
  month?: number;
  words: string;
}

/** How /ask read a question; the CLI and the Discord reply both show it. */
export interface QuestionUnderstanding {
  /** What the items are: meetings (the items /who-met gives), agreements (as /agreements), or passages. */
  answering: 'meetings' | 'agreements' | 'passages';
  /** The question asked for meetings or agreements but none matched: these are passages instead. */
  noneFound?: 'meetings' | 'agreements';
  /** Meetings and agreements: the people, countries or organisations the question names. */
  parties?: string[];
  /** The date the question named, applied as the `year` option is. */
  date?: NamedDate;
  /** The date the question named, with nothing found within it: the items come from any date. */
  dateDropped?: NamedDate;
  /** A year the question named that no article is from: its number was searched as a word. */
  yearNotInLibrary?: number;
  /** Words of the question that no item shown contains. */
  notFound?: string[];
  /** English phrases read through the glossary, with the Vietnamese searched for each. */
  translated?: { english: string; vietnamese: string[] }[];
}

export type AnswerOptions = Record<string, string | number | boolean>;

export interface Answer {
  command: CommandName;
  options: AnswerOptions;
  items: readonly AnswerItem[];
  /** Why nothing was found and what to try (when `items` is empty), or a note on the results. */
  message?: string;
  /** Closer terms from the corpus, when nothing was found. */
  suggestions?: string[];
  /** Years present in the corpus, offered when nothing was found. */
  yearsAvailable?: number[];
  /** /ask: how the question was read (a date it named, what is answered, words not found, English translated). */
  understood?: QuestionUnderstanding;
  /** Milliseconds spent answering (loading the corpus not included). */
  tookMs?: number;
}
