// The one shape every command answers with. The CLI prints it, the Discord renderer turns it
// into embeds; neither adds facts of its own.

export type CommandName = 'who-met' | 'agreements' | 'ask' | 'sources' | 'cite';

export type {
  AgreementItem,
  AnswerItem,
  AnswerItemKind,
  ArticleItem,
  ArticleNaming,
  Citation,
  Highlight,
  ItemStatus,
  MeetingItem,
  PassageItem,
  Person,
} from '../extract/items.ts';
import type { AnswerItem } from '../extract/items.ts';

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

/**
 * Why an answer has no items, as facts: the CLI and the Discord reply each put it into words (the
 * options searched, `suggestions` and `yearsAvailable` of the answer go with it).
 */
export type NothingFound =
  /** /who-met: no meeting within the options; `person` when one was named. */
  | { reason: 'no-meetings'; person?: string }
  /** /who-met: none within the year or month asked, but the person named met someone in these years. */
  | { reason: 'met-in-other-years'; person: string; years: number[] }
  /** /agreements: none within the options; `topic` when one was named. */
  | { reason: 'no-agreements'; topic?: string }
  /** /ask: none of the question's words is in the articles (of `year`, when the option was given). */
  | { reason: 'no-passages'; year?: number }
  /** /cite: the id is not of the form `article#paragraph`; `example` is one that is. */
  | { reason: 'not-a-paragraph-id'; id: string; example: string }
  /** /cite: no article has this id. */
  | { reason: 'no-such-article'; articleId: string }
  /** /cite: the article has `paragraphCount` paragraphs, fewer than the one asked. */
  | { reason: 'no-such-paragraph'; articleId: string; paragraph: number; paragraphCount: number }
  /** /cite: the paragraph has `sentenceCount` sentences, fewer than the one asked. */
  | { reason: 'no-such-sentence'; articleId: string; paragraph: number; sentence: number; sentenceCount: number }
  /** /sources: the library has no articles. */
  | { reason: 'empty-library' };

export type NothingFoundReason = NothingFound['reason'];

/**
 * The items of an answer, in order: an array, or a list that makes each item as it is read (the
 * thousands of meetings a family name matches, of which a reply shows one page). Spread it
 * (`[...answer.items]`) for an array.
 */
export interface ItemList extends Iterable<AnswerItem> {
  readonly length: number;
  /** The item at `index` (from the end when negative, as `Array.prototype.at`), or undefined beyond the list. */
  at(index: number): AnswerItem | undefined;
}

export interface Answer {
  command: CommandName;
  options: AnswerOptions;
  items: ItemList;
  /** Why nothing was found (when `items` is empty); the CLI's JSON adds its English wording as `message`. */
  nothingFound?: NothingFound;
  /** Closer terms from the corpus, when nothing was found. */
  suggestions?: string[];
  /** Years present in the corpus, offered when nothing was found. */
  yearsAvailable?: number[];
  /** /ask: how the question was read (a date it named, what is answered, words not found, English translated). */
  understood?: QuestionUnderstanding;
  /** Milliseconds spent answering (loading the corpus not included). */
  tookMs?: number;
}
