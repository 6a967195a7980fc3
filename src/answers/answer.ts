// The one shape every command answers with. The CLI prints it, the Discord renderer turns it
// into embeds; neither adds facts of its own.

export type CommandName = 'who-met' | 'agreements' | 'ask' | 'sources' | 'cite';

export type { AnswerItem, AnswerItemKind, Citation, Highlight, ItemStatus, Person } from '../extract/items.ts';
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
